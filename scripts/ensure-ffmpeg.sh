#!/usr/bin/env bash
# Puts a maintained ffmpeg/ffprobe on this machine for the studio to read uploaded and
# provider media with: Debian's package where apt-get can run without asking for a password
# (root, or passwordless sudo). Never fails: without one the studio falls back to the npm
# build from 2018 and says so in its log and /api/health.
set -uo pipefail

if [ -n "${FFMPEG_PATH:-}" ] && [ -n "${FFPROBE_PATH:-}" ]; then
  echo "ensure-ffmpeg: using FFMPEG_PATH=$FFMPEG_PATH and FFPROBE_PATH=$FFPROBE_PATH"
  exit 0
fi
if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then
  echo "ensure-ffmpeg: using $(command -v ffmpeg) ($(ffmpeg -version | head -n 1 | cut -d ' ' -f 3))"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO="none"
  if [ "$(id -u)" = 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  fi
  if [ "$SUDO" != "none" ]; then
    echo "ensure-ffmpeg: installing Debian's ffmpeg"
    if $SUDO apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null; then
      exit 0
    fi
  fi
fi
{
  echo "ensure-ffmpeg: no system ffmpeg, and none could be installed here without a password."
  echo "  The studio will run with the ffmpeg bundled from npm (a 2018 build) to read media."
  echo "  Install a maintained one and start again:  sudo apt-get install ffmpeg  |  brew install ffmpeg"
  echo "  or point FFMPEG_PATH and FFPROBE_PATH at one."
} >&2
exit 0
