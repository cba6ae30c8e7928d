import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type Messages, type Namespace, pickMessages } from "./messages";

/**
 * Gives the client components below it the namespaces they read, and only those: left to
 * itself NextIntlClientProvider would send the whole catalog to every page. A provider
 * replaces the one above it, so a scope lists every namespace its client tree uses.
 */
export async function IntlScope({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
