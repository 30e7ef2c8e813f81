#!/usr/bin/env bash
# Regenerates samples/examples/ from real traffic through real Linux NATs (root; about 30 s):
# classification JSON and text, both peers' punch logs (JSONL) and results, and the support report
# (HTML, text, screenshot). Nothing in samples/examples/ is written by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/samples/examples"
rm -rf "$out"
mkdir -p "$out"
PEERS=punch "$here/bench/report-example.sh" "$out"
rm -f "$out"/*.err "$out"/server.log
echo "samples written to $out:"
ls -l "$out"
