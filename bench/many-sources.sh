#!/usr/bin/env bash
# Memory of natprobe's server under many distinct source addresses: starts the server (default
# per-source budget), sends one Binding request from each of N distinct loopback addresses
# (127.1.0.0 upwards: every 127/8 address is bindable on Linux), in rounds, and prints the server's
# resident memory and answers received after each round. Loopback only; kills only its own PID.
#
#   bench/many-sources.sh [N per round, default 100000] [rounds, default 3]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-100000}
ROUNDS=${2:-3}
PORT=${PORT:-44478}
JAR="$ROOT/punch-test/target/natprobe.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -o -q -B -pl punch-test -am package -DskipTests)
java ${JAVA_OPTS:--Xmx256m} -jar "$JAR" server --primary 127.0.0.1 --alternate 127.0.0.2 --port "$PORT" \
    --alt-port $((PORT + 1)) >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do ss -Hulpn "sport = :$PORT" | grep -q "pid=$PID," && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2}' /proc/$PID/status; }
echo "server pid $PID, RSS at start: $(rss) KiB"
echo "(live heap = jcmd GC.run, then GC.heap_info 'used')"
python3 - "$PORT" "$N" "$ROUNDS" "$PID" <<'PY'
import os, socket, struct, sys, time
port, n, rounds, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
import subprocess, re
def live_heap():
    # Heap still in use after a full GC: what the server really keeps.
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) if m else -1
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])
for r in range(rounds):
    answered = 0
    t0 = time.time()
    for i in range(n):
        a = 1 + (i >> 16)
        src = f"127.{a}.{(i >> 8) & 255}.{i & 255}"
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((src, 0))
        s.settimeout(0.5)
        tid = os.urandom(12)
        s.sendto(struct.pack("!HHI", 1, 0, 0x2112A442) + tid, ("127.0.0.1", port))
        try:
            data = s.recv(1500)
            if data[8:20] == tid and data[0:2] == b"\x01\x01":
                answered += 1
        except socket.timeout:
            pass
        s.close()
    print(f"round {r + 1}: {n} distinct source addresses, {answered} answered, {time.time() - t0:.1f} s, server RSS {rss()} KiB, live heap after full GC {live_heap()} KiB", flush=True)
PY
