#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser test (tag "browser").
# Idempotent: exits 0 at once when /usr/bin/chromium is already there.
# Usage: bash .ci/install-chromium.sh   (as root, or with sudo available)
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && chromium --version >/dev/null 2>&1; then
  echo "chromium already installed: $(chromium --version 2>/dev/null)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-chromium.sh: must run as root (or with sudo) to apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
echo "chromium installed: $(chromium --version 2>/dev/null)"
