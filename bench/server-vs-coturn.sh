#!/usr/bin/env bash
# Side-by-side benchmark: natprobe's probe server vs coturn (plain STUN, RFC 5780 with two loopback
# addresses), under the same stunload shapes, interleaved A B A B after a JVM warm-up.
#
#   bench/server-vs-coturn.sh [ROUNDS] [SECONDS]      (defaults: 3 rounds, 5 s per run)
#
# natprobe runs with its per-source budget ON but set far above the load (--rate 10000000), so the
# budget code runs on every packet; NP_BUDGET="--no-rate-limit" turns it off.
# Env: NP_ARGS="--threads 2" extra natprobe server flags; NP_PORT (41478) / TURN_PORT (42478);
#      SHAPES="16x8 64x8" (K sockets x W outstanding = 128 and 512 requests in flight);
#      NULL=1 also measures stunnull, a do-nothing C reflector (the machine's ceiling).
# Loopback only. Kills only the processes it started (by PID). Output: a table and ratios.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-3}
SECS=${2:-5}
NP_PORT=${NP_PORT:-41478}
TURN_PORT=${TURN_PORT:-42478}
NULL_PORT=${NULL_PORT:-43478}
SHAPES=${SHAPES:-"16x8 64x8"}
BUILD="$ROOT/bench/.build"
TOOLS=${TOOLS:-/work/shared/tools}
JAR="$ROOT/punch-test/target/natprobe.jar"
mkdir -p "$BUILD"
WORK=$(mktemp -d "$BUILD/run.XXXXXX")

[[ -x "$BUILD/stunload" ]] || gcc -O2 -o "$BUILD/stunload" "$TOOLS/stunload.c" -lpthread -lm
[[ -x "$BUILD/stunnull" ]] || gcc -O2 -o "$BUILD/stunnull" "$TOOLS/stunnull.c" -lpthread
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -o -q -B -pl punch-test -am package -DskipTests)
command -v turnserver >/dev/null || { echo "coturn is not installed (apt-get install coturn)"; exit 1; }

PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_port() { # wait until something listens on UDP 127.0.0.1:$1
    for _ in $(seq 100); do
        ss -Huln "sport = :$1" | grep -q 127.0.0.1 && return 0
        sleep 0.1
    done
    echo "nothing listens on 127.0.0.1:$1; logs in $WORK"; exit 1
}

java ${JAVA_OPTS:-} -jar "$JAR" server --primary 127.0.0.1 --alternate 127.0.0.2 --port "$NP_PORT" \
    --alt-port $((NP_PORT + 1)) ${NP_BUDGET:---rate 10000000 --burst 2000000} ${NP_ARGS:-} >"$WORK/natprobe.out" 2>"$WORK/natprobe.err" &
NP_PID=$!; PIDS+=("$NP_PID")
turnserver -n --stun-only --no-cli --no-tls --no-dtls -L 127.0.0.1 -L 127.0.0.2 -p "$TURN_PORT" \
    --alt-listening-port $((TURN_PORT + 1)) --log-file "$WORK/turn.log" --simple-log >"$WORK/turn.out" 2>&1 &
TURN_PID=$!; PIDS+=("$TURN_PID")
for _ in $(seq 150); do
    grep -q "answering" "$WORK/natprobe.out" 2>/dev/null && break
    kill -0 "$NP_PID" 2>/dev/null || { echo "natprobe server did not start:"; cat "$WORK/natprobe.err"; exit 1; }
    sleep 0.1
done
wait_port "$TURN_PORT"
kill -0 "$TURN_PID" 2>/dev/null || { echo "coturn did not start:"; cat "$WORK/turn.out" "$WORK/turn.log"; exit 1; }
# The port must belong to the processes just started, not to a leftover.
ss -Hulpn "sport = :$NP_PORT" | grep -q "pid=$NP_PID," || { echo "port $NP_PORT is not natprobe's ($NP_PID)"; exit 1; }
ss -Hulpn "sport = :$TURN_PORT" | grep -q "pid=$TURN_PID," || { echo "port $TURN_PORT is not coturn's ($TURN_PID)"; exit 1; }
if [[ "${NULL:-0}" == 1 ]]; then
    "$BUILD/stunnull" -s "127.0.0.1:$NULL_PORT" -d 3600 >"$WORK/null.out" 2>&1 &
    NULL_PID=$!; PIDS+=("$NULL_PID"); wait_port "$NULL_PORT"
fi

echo "natprobe pid $NP_PID ($(head -1 "$WORK/natprobe.out")), coturn pid $TURN_PID ($(turnserver --version 2>/dev/null | head -1))"
echo "warming the JVM up: 10 s per shape"
for shape in $SHAPES; do
    "$BUILD/stunload" -s "127.0.0.1:$NP_PORT" -k "${shape%x*}" -w "${shape#*x}" -d 10 -q >/dev/null 2>&1 || true
done

run() { # server pid port shape -> "rps loss p50 p99 srv_cpu"
    local line
    line=$("$BUILD/stunload" -s "127.0.0.1:$3" -k "${4%x*}" -w "${4#*x}" -d "$SECS" -p "$2" | tail -1)
    echo "$1 $4 $line" >>"$WORK/raw.txt"
    awk -v s="$1" -v sh="$4" '{for(i=1;i<=NF;i++){split($i,kv,"=");v[kv[1]]=kv[2]}}
        END{printf "%-9s %-5s rps=%7d loss=%s p50_us=%s p99_us=%s srv_cpu=%s\n", s, sh, v["rps"], v["loss"], v["p50_us"], v["p99_us"], v["srv_cpu"]}' <<<"$line"
}

for r in $(seq "$ROUNDS"); do
    for shape in $SHAPES; do
        run natprobe "$NP_PID" "$NP_PORT" "$shape"
        run coturn "$TURN_PID" "$TURN_PORT" "$shape"
        [[ "${NULL:-0}" == 1 ]] && run stunnull "$NULL_PID" "$NULL_PORT" "$shape"
    done
done

echo
echo "medians over $ROUNDS rounds (raw lines in $WORK/raw.txt):"
for shape in $SHAPES; do
    awk -v sh="$shape" '
      function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      $2 == sh { s = $1; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                 n[s]++; rps[s, n[s]] = v["rps"]; p99[s, n[s]] = v["p99_us"]; loss[s] += v["loss"] + 0
                 if (v["srv_cpu"] > 0) { eff[s, n[s]] = v["rps"] / v["srv_cpu"] } else { eff[s, n[s]] = 0 } }
      END {
        for (s in n) { for (i = 1; i <= n[s]; i++) { a[i] = rps[s, i]; b[i] = p99[s, i]; c[i] = eff[s, i] }
                       R[s] = med(a, n[s]); P[s] = med(b, n[s]); E[s] = med(c, n[s])
                       printf "  %-5s %-9s rps=%8.0f p99_us=%8.1f rps_per_server_core=%8.0f loss(sum of %%)=%s\n", sh, s, R[s], P[s], E[s], loss[s] }
        if (("natprobe" in R) && ("coturn" in R))
            printf "  %-5s natprobe/coturn: throughput %.2fx, p99 %.2fx (lower is better), requests per server CPU second %.2fx\n", sh, R["natprobe"] / R["coturn"], P["natprobe"] / P["coturn"], (E["coturn"] > 0 ? E["natprobe"] / E["coturn"] : 0)
        if (("stunnull" in R)) printf "  %-5s natprobe/stunnull: %.2fx, coturn/stunnull: %.2fx\n", sh, R["natprobe"] / R["stunnull"], R["coturn"] / R["stunnull"]
      }' "$WORK/raw.txt"
done
