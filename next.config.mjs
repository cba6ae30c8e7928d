import createNextIntlPlugin from "next-intl/plugin";

/**
 * Headers every response gets, static files included. The page CSP needs a per-request
 * nonce, so it is set in proxy.ts (with the framing policy and the sign-in check).
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and packages that ship binaries must stay outside the server bundle,
  // so they resolve their own files from node_modules at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
    "dejavu-fonts-ttf",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl finds its per-request configuration in i18n/request.ts. The catalogs are
// compiled at build time, so browsers get no ICU parser (≈ 12 KB gzipped less on every page).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

export default withNextIntl(nextConfig);
