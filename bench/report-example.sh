#!/usr/bin/env bash
# Makes a realistic example support report from real traffic through real Linux NATs (needs root):
# builds a lab with two home routers (endpoint-independent mapping, address-and-port-dependent
# filtering; B's router answers unsolicited packets with ICMP port unreachable), runs the probe server,
# classifies both hosts with `natprobe classify --json`, runs a punch attempt between them, then
# writes the HTML and text reports and a Chromium screenshot. The punch is `natprobe punch --json
# --log` when the jar has that command; otherwise (or with PEERS=script) bench/report-example-peer.py,
# a short scripted exchange of the seed article's procedure logged as natprobe packet events.
#
#   bench/report-example.sh [OUTDIR]      (default: target/report-example)
#   PEERS=punch|script  NATPROBE_EXAMPLE_JAR=other.jar  (optional overrides)
#
# OUTDIR gets a.json a.txt b.json a.jsonl b.jsonl [punch-a.json] report.html report.txt report.png.
# Everything the script starts (lab namespaces, server, peers) is stopped on exit, also on failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/target/report-example}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
[ "$(id -u)" = 0 ] || { echo "$0: needs root (it builds a NAT lab in network namespaces)" >&2; exit 2; }

"$here/natprobe" --version >/dev/null   # builds the jar when the sources changed
jar="${NATPROBE_EXAMPLE_JAR:-$here/punch-test/target/natprobe.jar}"
peers="${PEERS:-}"
if [ -z "$peers" ]; then
  if java -jar "$jar" punch --help >/dev/null 2>&1; then peers=punch; else peers=script; fi
fi
np() { NATPROBE_NO_BUILD=1 "$here/natprobe" "$@"; }

lab="" server_pid="" pids=()
cleanup() {
  for p in "${pids[@]}" $server_pid; do kill "$p" 2>/dev/null || true; done
  [ -n "$lab" ] && np lab down --lab="$lab" >/dev/null 2>&1 || true
}
trap cleanup EXIT

up="$(np lab up --nat home=eim,apdf,inbound=drop --nat office=eim,apdf,inbound=reject)"
echo "$up"
lab="$(sed -n 's/^lab \([0-9a-f]*\) is up\.$/\1/p' <<<"$up")"
[ -n "$lab" ] || { echo "$0: could not read the lab id" >&2; exit 1; }
ns() { echo "npl-$lab-$1"; }

ip netns exec "$(ns srv)" java -jar "$jar" server --primary 203.0.113.1 --alternate 203.0.113.2 >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "Self-check passed" "$out/server.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Self-check passed" "$out/server.log" || { echo "$0: the probe server did not start:" >&2; cat "$out/server.log" >&2; exit 1; }

# exit 1 (no complete verdict) still writes the JSON: the report says what is missing
ip netns exec "$(ns h-home-1)" java -jar "$jar" classify --server 203.0.113.1 --json >"$out/a.json" || [ -s "$out/a.json" ]
ip netns exec "$(ns h-office-1)" java -jar "$jar" classify --server 203.0.113.1 --json >"$out/b.json" || [ -s "$out/b.json" ]
# the same classification as people read it (text), for the samples
ip netns exec "$(ns h-home-1)" java -jar "$jar" classify --server 203.0.113.1 >"$out/a.txt" || [ -s "$out/a.txt" ]

rm -f "$out/a.jsonl" "$out/b.jsonl" "$out/punch-a.json"
extra=()
if [ "$peers" = punch ]; then
  : >"$out/punch-a.err"
  ip netns exec "$(ns h-home-1)" java -jar "$jar" punch --rendezvous 203.0.113.1 --session new --json \
    --log "$out/a.jsonl" --quiet >"$out/punch-a.json" 2>"$out/punch-a.err" &
  pids+=($!)
  code=""
  for _ in $(seq 1 150); do
    code="$(sed -n 's/^Session code: \([^ ]*\).*/\1/p' "$out/punch-a.err" | head -1 || true)"
    [ -n "$code" ] && break; sleep 0.2
  done
  [ -n "$code" ] || { echo "$0: side A printed no session code:" >&2; cat "$out/punch-a.err" >&2; exit 1; }
  ip netns exec "$(ns h-office-1)" java -jar "$jar" punch --rendezvous 203.0.113.1 --session "$code" --json \
    --log "$out/b.jsonl" --quiet >"$out/punch-b.json" 2>"$out/punch-b.err" &
  pids+=($!)
  # exit 1 (the punch failed) is a result worth a report too
  wait "${pids[0]}" || [ -s "$out/punch-a.json" ] || { echo "$0: side A failed:" >&2; tail "$out/punch-a.err" >&2; exit 1; }
  wait "${pids[1]}" || [ -s "$out/punch-b.json" ] || { echo "$0: side B failed:" >&2; tail "$out/punch-b.err" >&2; exit 1; }
  extra=(punch-a.json)
else
  python="$(command -v python3)" || { echo "$0: python3 is needed for the scripted peers" >&2; exit 2; }
  shared="$(mktemp -d)"
  ip netns exec "$(ns h-home-1)" "$python" "$here/bench/report-example-peer.py" A 203.0.113.1:3478 "$shared" "$out/a.jsonl" &
  pids+=($!)
  ip netns exec "$(ns h-office-1)" "$python" "$here/bench/report-example-peer.py" B 203.0.113.1:3478 "$shared" "$out/b.jsonl" &
  pids+=($!)
  wait "${pids[0]}" && wait "${pids[1]}" || { echo "$0: a peer failed" >&2; exit 1; }
  rm -rf "$shared"
fi
pids=()

# Relative names, so the report's "Made from" line reads a.json, not a temporary path.
(cd "$out" && np report a.json b.json "${extra[@]}" a.jsonl b.jsonl --html report.html \
  && np report a.json b.json "${extra[@]}" a.jsonl b.jsonl --text --out report.txt)
"$here/bench/report-render.sh" "$out/report.html" "$out/report.png" 1200x2400
echo "$0: wrote $out/report.html, report.txt, report.png (peers: $peers)"
