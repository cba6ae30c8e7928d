import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/sign-out";

/** A plain form, so signing out works before the page's JavaScript has loaded. */
export async function SignOutButton() {
  const t = await getTranslations("chrome");
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-muted hover:text-white">
        {t("signOut")}
      </button>
    </form>
  );
}
