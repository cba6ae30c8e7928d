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
};

export default nextConfig;
