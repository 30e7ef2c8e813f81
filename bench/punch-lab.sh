#!/usr/bin/env bash
# Punch benchmark in the NAT lab (root): time from "both peers registered" to connected per strategy,
# and the birthday technique's success rate and probes over 20 runs. Results go in docs/benchmarks.md
# ("Punch"). Not a test: nothing is asserted.
#   bench/punch-lab.sh            # 5 runs per strategy, 20 birthday runs
#   bench/punch-lab.sh 10 50      # more runs
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ "$(id -u)" = 0 ] || { echo "bench/punch-lab.sh: the lab needs root" >&2; exit 2; }
mvn -o -q -B -pl nat-probe,probe-server,punch-test -am install -DskipTests
cp="punch-test/target/test-classes:punch-test/target/natprobe.jar"  # the shaded jar has every dependency
exec java -cp "$cp" io.natprobe.lab.PunchBench punch-test/target/natprobe.jar "${1:-5}" "${2:-20}"
