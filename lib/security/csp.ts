/**
 * The Content-Security-Policy for pages. Scripts run only with this response's nonce
 * (Next puts it on its own scripts when it finds it in the request's CSP header), and
 * 'strict-dynamic' lets those load the chunks they need. Styles allow inline attributes:
 * React and the editor set style="" attributes, and a nonce cannot cover those.
 */
export function buildContentSecurityPolicy(options: {
  nonce: string;
  dev: boolean;
  embeddable: boolean;
  https: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The studio is never framed (clickjacking); share pages are made to be embedded.
    `frame-ancestors ${options.embeddable ? "*" : "'none'"}`,
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers every response gets (next.config.mjs sets them for static files too). */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};
