#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Install it where we can (root with apt-get); otherwise say how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${UPPERBACK_CHROMIUM:-}" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium was not found, so the browser tests will be skipped." >&2
  echo "To run them: sudo apt-get install chromium, or set UPPERBACK_CHROMIUM=/path/to/chromium." >&2
fi
