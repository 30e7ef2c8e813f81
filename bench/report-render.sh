#!/usr/bin/env bash
# Renders a natprobe HTML report with headless Chromium and writes a PNG screenshot: proof that the
# report displays offline (no network: Chromium is started with every background fetch off, and the
# page's Content-Security-Policy forbids loading anything).
#
#   bench/report-render.sh REPORT.html OUT.png [WIDTHxHEIGHT]
#
# Exit codes: 0 screenshot written, 1 Chromium failed or wrote nothing, 2 usage, 3 Chromium not installed.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
size="${3:-1200x1600}"
[ -f "$html" ] || { echo "$0: no such file: $1" >&2; exit 2; }
case "$size" in *x*) ;; *) echo "$0: size must be WIDTHxHEIGHT, not $size" >&2; exit 2 ;; esac

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
[ -n "$browser" ] || { echo "$0: chromium is not installed (apt-get install chromium)" >&2; exit 3; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$out"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
# --virtual-time-budget lets layout finish before the shot; nothing on the page is async anyway.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --disable-default-apps --hide-scrollbars \
  --user-data-dir="$profile" --window-size="${size/x/,}" --virtual-time-budget=2000 \
  --screenshot="$out_abs" "file://$html" >"$profile/chromium.log" 2>&1 || {
  echo "$0: chromium failed:" >&2; tail -20 "$profile/chromium.log" >&2; exit 1; }
[ -s "$out_abs" ] || { echo "$0: chromium wrote no screenshot" >&2; tail -20 "$profile/chromium.log" >&2; exit 1; }
echo "$out_abs"
