#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver for the browser tests when they are missing.
# Browser downloads by pip/npm packages do not work on the project's machines; apt does.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
echo "chromium/chromedriver ontbreken; installeren met apt-get ..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
command -v chromium && command -v chromedriver
