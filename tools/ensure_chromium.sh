#!/usr/bin/env bash
# The browser tests drive Debian's chromium-headless-shell (Chromium's engine without the desktop browser
# around it: ~40 % less CPU a page); the benchmarks time Debian's chromium, as a learner has it. Install them
# where we can (root with apt-get); otherwise say how. The tests fall back to chromium, more slowly.
set -euo pipefail
if [ -n "${UPPERBACK_CHROMIUM:-}" ]; then
  exit 0
fi
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/lib/chromium/chromium-headless-shell ] || missing+=(chromium-headless-shell)
if [ ${#missing[@]} = 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser tests (apt-get)..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    command -v chromium >/dev/null 2>&1 || exit 1
    echo "Could not install ${missing[*]}: the browser tests use chromium, which takes longer." >&2
  fi
elif command -v chromium >/dev/null 2>&1; then
  echo "chromium-headless-shell was not found: the browser tests use chromium, which takes longer." >&2
  echo "To add it: sudo apt-get install chromium-headless-shell" >&2
else
  echo "Chromium was not found, so the browser tests will be skipped." >&2
  echo "To run them: sudo apt-get install chromium chromium-headless-shell, or set UPPERBACK_CHROMIUM=/path/to/chromium." >&2
fi
