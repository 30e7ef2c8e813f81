#!/usr/bin/env bash
# Benchmark (never a test): `natprobe classify` behind real Linux NATs of the lab. Builds a lab, starts
# the probe server on 203.0.113.1 + .2, runs classify N times from a host behind each router (one run
# at a time, so runs do not compete for the CPU), and reports per router the time classify itself
# measured (durationMs: first request to verdict) and the wall time of the whole process (JVM start
# included), as median and p90, plus how many runs gave the configured verdict. Two routers drop 5 %
# of forwarded UDP packets in each direction. Needs root. Results go in docs/benchmarks.md
# ("Classification in the lab").
#   sudo bench/classify-lab.sh            # 20 runs per router
#   sudo N=50 bench/classify-lab.sh       # more runs
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
N="${N:-20}"
[ "$(id -u)" = 0 ] || { echo "classify-lab.sh: the lab needs root" >&2; exit 2; }
command -v jq >/dev/null || { echo "classify-lab.sh: needs jq" >&2; exit 2; }

# name  spec  expected "mapping filtering hairpinning"
routers=(
  "home    eim,apdf,hairpin      endpoint-independent address-and-port-dependent true"
  "open    eim,eif               endpoint-independent endpoint-independent false"
  "np      eim-np,adf            endpoint-independent address-dependent false"
  "adm     adm,adf               address-dependent address-dependent false"
  "sym     apdm,apdf             address-and-port-dependent address-and-port-dependent false"
  "lossyh  eim,apdf,loss=5%      endpoint-independent address-and-port-dependent false"
  "lossys  apdm,adf,loss=5%      address-and-port-dependent address-dependent false"
)
args=()
for r in "${routers[@]}"; do read -r name spec _ <<<"$r"; args+=(--nat "$name=$spec"); done

work="$(mktemp -d)"
jar="$root/punch-test/target/natprobe.jar"
./natprobe --version >/dev/null            # builds the jar when the sources changed
up="$(NATPROBE_NO_BUILD=1 ./natprobe lab up "${args[@]}")"
id="$(sed -n 's/^lab \([0-9a-f]*\) is up.*/\1/p' <<<"$up")"
[ -n "$id" ] || { echo "$up" >&2; exit 1; }
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  NATPROBE_NO_BUILD=1 ./natprobe lab down --lab "$id" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m)
ip netns exec "npl-$id-srv" java "${java_opts[@]}" -jar "$jar" server --primary 203.0.113.1 --alternate 203.0.113.2 \
  >"$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "Self-check passed" "$work/server.out" && break; sleep 0.2; done
grep -q "Self-check passed" "$work/server.out" || { cat "$work/server.out" >&2; exit 1; }

stats() { # values on stdin, one per line -> "median p90"
  sort -n | awk '{v[NR]=$1} END {m=v[int((NR+1)/2)]; p=v[int(NR*0.9+0.999)]; printf "%s %s", m, p}'
}

printf '%-8s %-18s %4s  %-22s %-22s %s\n' router spec runs "classify ms (med/p90)" "wall ms (med/p90)" "configured verdict"
for r in "${routers[@]}"; do
  read -r name spec em ef eh <<<"$r"
  : >"$work/$name.dur"; : >"$work/$name.wall"; ok=0
  for i in $(seq "$N"); do
    t0=$(date +%s%N)
    ip netns exec "npl-$id-h-$name-1" java "${java_opts[@]}" -jar "$jar" classify --server 203.0.113.1 --json \
      >"$work/$name.$i.json" 2>/dev/null || true
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 )) >>"$work/$name.wall"
    jq -r '.durationMs' "$work/$name.$i.json" >>"$work/$name.dur" 2>/dev/null || true
    got="$(jq -r '"\(.mapping) \(.filtering) \(.hairpinning)"' "$work/$name.$i.json" 2>/dev/null || echo none)"
    if [ "$got" = "$em $ef $eh" ]; then
      ok=$((ok + 1))
    else # what a person needs to judge the disagreement: every transaction of that run
      echo "  $name run $i: got '$got'; warnings: $(jq -c '.warnings' "$work/$name.$i.json" 2>/dev/null)" >&2
      jq -r '.transactions[] | "    \(.label): \(.sends) sends, \(.outcome), rtt \(.rttMs) ms"' "$work/$name.$i.json" >&2 2>/dev/null || true
    fi
  done
  read -r dm dp <<<"$(stats <"$work/$name.dur")"
  read -r wm wp <<<"$(stats <"$work/$name.wall")"
  printf '%-8s %-18s %4d  %-22s %-22s %d/%d\n' "$name" "$spec" "$N" "$dm / $dp" "$wm / $wp" "$ok" "$N"
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r), $(java -version 2>&1 | head -1)"
