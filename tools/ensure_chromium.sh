#!/usr/bin/env bash
# Usage: ensure_chromium.sh PACKAGE. The browser tests drive Debian's chromium-headless-shell (Chromium's
# engine without the desktop browser around it: ~40 % less CPU a page; they fall back to chromium, more
# slowly); the benchmarks time Debian's chromium, as a learner has it. Install the one asked for where we can
# (root with apt-get); otherwise say how.
set -euo pipefail
package=${1:?"which Debian package: chromium-headless-shell (tests) or chromium (benchmarks)"}
has() {
  case "$1" in
    chromium-headless-shell) [ -x /usr/lib/chromium/chromium-headless-shell ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}
if [ -n "${UPPERBACK_CHROMIUM:-}" ] || has "$package"; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $package (apt-get)..."
  if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null; }; then
    exit 0
  fi
  echo "Could not install $package." >&2
  [ "$package" = chromium-headless-shell ] && has chromium || exit 1  # nothing to fall back on
fi
if [ "$package" = chromium-headless-shell ] && has chromium; then
  echo "chromium-headless-shell was not found: the browser tests use chromium, which takes longer." >&2
  echo "To add it: sudo apt-get install chromium-headless-shell" >&2
else
  echo "$package was not found, so the browser tests or benchmarks that need it will be skipped." >&2
  echo "To run them: sudo apt-get install $package, or set UPPERBACK_CHROMIUM=/path/to/chromium." >&2
fi
