#!/usr/bin/env bash
# Installs what the tests need beyond npm: a maintained ffmpeg (scripts/ensure-ffmpeg.sh) and
# a Chromium for Playwright. Each is skipped where one exists. On these machines Playwright
# cannot download its own browser, so Debian's package is used.
set -euo pipefail

bash "$(dirname "$0")/ensure-ffmpeg.sh"

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then
    echo "install-test-deps: using $candidate"
    exit 0
  fi
done
if compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*" >/dev/null; then
  echo "install-test-deps: using Playwright's Chromium"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "install-test-deps: installing Debian's chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "install-test-deps: downloading Playwright's Chromium"
npx playwright install chromium
