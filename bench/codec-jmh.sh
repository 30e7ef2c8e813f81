#!/usr/bin/env bash
# JMH benchmarks of the STUN codec (nat-probe/src/test/java/io/natprobe/stun/bench). Results and the
# machine they came from go in docs/benchmarks.md ("STUN codec (JMH)").
#   bench/codec-jmh.sh                 # 2 forks x 10 iterations of 1 s after 5 warm-up iterations
#   FORKS=1 ITER=5 bench/codec-jmh.sh  # quicker, noisier
#   bench/codec-jmh.sh -prof gc        # extra JMH options: allocation per operation
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Offline first (the usual case once the project has been built); online when something is missing.
mvn_() { mvn -o -q -B "$@" 2>/dev/null || mvn -q -B "$@"; }
mvn_ -pl nat-probe test-compile
mvn_ -pl nat-probe dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$root/nat-probe/target/bench-classpath.txt"
cp="nat-probe/target/test-classes:nat-probe/target/classes:$(cat nat-probe/target/bench-classpath.txt)"
exec java -cp "$cp" org.openjdk.jmh.Main 'io.natprobe.stun.bench.StunCodecBenchmark' \
    -f "${FORKS:-2}" -wi "${WARMUP:-5}" -w 1s -i "${ITER:-10}" -r 1s -tu ns "$@"
