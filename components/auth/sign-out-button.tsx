import { signOutAction } from "@/lib/actions/sign-out";

/** A plain form, so signing out works before the page's JavaScript has loaded. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-muted hover:text-white">
        Sign out
      </button>
    </form>
  );
}
