#!/usr/bin/env bash
# What the test command (./mvnw verify) needs beyond a JDK: Debian's Chromium for the browser journeys and a CJK
# font so that Chinese renders in their screenshots. Run by the build itself when either is missing (profile
# "test-prerequisites" in platform/pom.xml); as root it installs them, otherwise it names the one command to run.
set -euo pipefail
need=()
command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 || [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${need[*]} for the browser tests (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing ${need[*]} for the browser tests (Debian packages, with sudo)"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The browser tests need ${need[*]}. Install them once with:" >&2
  echo "  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
