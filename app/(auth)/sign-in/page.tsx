import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/public-paths";
import { isAuthEnabled } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isAuthEnabled()) redirect("/");
  const next = safeNextPath((await searchParams).next);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <h1 className="text-xl font-semibold">Omni Studio</h1>
      <p className="text-sm text-muted">This studio is private. Enter its password to continue.</p>
      <SignInForm next={next} />
    </main>
  );
}
