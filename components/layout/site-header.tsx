import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export function SiteHeader({ demoMode, signedIn }: { demoMode: boolean; signedIn: boolean }) {
  return (
    <header className="border-b border-line bg-panel/80 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight text-white">
          Omni Studio
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          <Link href="/" className="text-muted hover:text-white">
            Studio
          </Link>
          <Link href="/gallery" className="text-muted hover:text-white">
            Gallery
          </Link>
        </nav>
        {demoMode ? (
          <p
            className="ml-auto rounded-full border border-amber-500/40 bg-amber-500/10 px-3 py-1 text-xs text-amber-200"
            title="No COMETAPI_KEY is set: a built-in simulator renders the videos, nothing is billed."
          >
            Demo mode · simulated provider
          </p>
        ) : null}
        {signedIn ? (
          <div className={demoMode ? "" : "ml-auto"}>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
