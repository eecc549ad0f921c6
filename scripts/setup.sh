#!/usr/bin/env bash
# Installs what TrustLens needs on Debian/Ubuntu when it is missing: libxlsxwriter (with the
# zlib headers and pkg-config its .pc file needs). Swift itself must already be installed.
set -euo pipefail
if ! pkg-config --exists xlsxwriter 2>/dev/null || [ ! -f /usr/include/zlib.h ] || ! command -v unzip >/dev/null; then
  echo "setup: installing libxlsxwriter-dev zlib1g-dev pkg-config (and unzip for the tests)" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libxlsxwriter-dev zlib1g-dev pkg-config unzip >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "setup: add /opt/swift/usr/bin to PATH" >&2
  fi
  echo "setup: swift not found on PATH; install Swift 6.1 or newer" >&2
  exit 1
fi
