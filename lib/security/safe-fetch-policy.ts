import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { localMessage } from "@/i18n/local-message";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { classifyAddress } from "./ip-address";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type HopPolicy = {
  /** Hostnames allowed (exact, or `*.example.com` for subdomains); unset = any public host. */
  allowHosts?: readonly string[];
  /**
   * Loopback origins allowed over plain http (the built-in simulator). Honoured only in demo
   * mode or under NODE_ENV=test; every other origin on loopback is refused.
   */
  allowLoopbackOrigins?: readonly string[];
  /**
   * Origins (scheme, host and port, exactly) the operator configured and so trusts: plain
   * http and private or loopback addresses are fine there. Only for COMETAPI_BASE_URL (a
   * self-hosted relay); a redirect away from it is checked like any other hop.
   */
  trustedOrigins?: readonly string[];
  resolve?: Resolver;
};

/** Why a URL was refused; the message is safe to show, the reason is for tests and logs. */
export class SafeFetchError extends AppError {
  readonly reason: string;
  constructor(
    reason: string,
    message: string,
    code: "invalid_input" | "download_failed" = "invalid_input",
  ) {
    super(code, message, { detail: { reason } });
    this.reason = reason;
  }
}

export const defaultResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Checks one hop (the first URL or a redirect target) and returns the one address to
 * connect to. All answers must pass, so a name that resolves to a public and a private
 * address is refused rather than raced.
 */
export async function checkHop(url: URL, policy: HopPolicy): Promise<ResolvedAddress> {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SafeFetchError("scheme", localMessage("failureDetails.linkHttpsOnly"));
  }
  if (url.username || url.password) {
    throw new SafeFetchError("credentials", localMessage("failureDetails.linkCredentials"));
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const trusted = sameOriginAsAny(url, policy.trustedOrigins);
  const loopbackOrigin = isAllowedLoopbackOrigin(url, policy);
  if (url.protocol === "http:" && !loopbackOrigin && !trusted) {
    throw new SafeFetchError("scheme", localMessage("failureDetails.linkHttpsOnly"));
  }
  if (
    !loopbackOrigin &&
    !trusted &&
    policy.allowHosts &&
    !hostAllowed(hostname, policy.allowHosts)
  ) {
    throw new SafeFetchError(
      "host_not_allowed",
      localMessage("failureDetails.linkHostNotAllowed", { host: hostname }),
    );
  }
  let answers: ResolvedAddress[];
  if (isIP(hostname)) {
    answers = [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
  } else {
    try {
      answers = await (policy.resolve ?? defaultResolver)(hostname);
    } catch {
      throw new SafeFetchError(
        "dns",
        localMessage("failureDetails.linkHostNotFound", { host: hostname }),
        "download_failed",
      );
    }
  }
  if (answers.length === 0) {
    throw new SafeFetchError(
      "dns",
      localMessage("failureDetails.linkHostNotFound", { host: hostname }),
      "download_failed",
    );
  }
  for (const answer of answers) {
    const kind = classifyAddress(answer.address);
    if (kind === "public" || trusted) continue;
    if (kind === "loopback" && loopbackOrigin) continue;
    throw new SafeFetchError("private_address", localMessage("failureDetails.linkPrivateAddress"));
  }
  return answers[0] as ResolvedAddress;
}

function isAllowedLoopbackOrigin(url: URL, policy: HopPolicy): boolean {
  const env = getEnv();
  if (!(env.demoMode || env.nodeEnv === "test")) return false;
  return sameOriginAsAny(url, policy.allowLoopbackOrigins);
}

function sameOriginAsAny(url: URL, origins: readonly string[] | undefined): boolean {
  return (origins ?? []).some((origin) => {
    try {
      return new URL(origin).origin === url.origin;
    } catch {
      return false;
    }
  });
}

export function hostAllowed(hostname: string, allowHosts: readonly string[]): boolean {
  return allowHosts.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith("*.")) return hostname.endsWith(p.slice(1)) && hostname.length > p.length - 1;
    return hostname === p;
  });
}
