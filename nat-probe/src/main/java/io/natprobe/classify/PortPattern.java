package io.natprobe.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the port-allocation pattern from (local port, mapped port) samples of distinct bindings, in
 * the order they were created. Preserving: every mapped port equals its local port. Sequential: the
 * distinct mapped ports, sorted, are spaced by a small constant step (other traffic through the same NAT
 * may widen a gap, so the most common gap is the delta when all gaps are small). Otherwise random.
 */
public final class PortPattern {

    /** One binding: its local port and the port the server saw. */
    public record Sample(int localPort, int mappedPort) {}

    /** The pattern, with the step for sequential allocation (else null). */
    public record Result(PortAllocation allocation, Boolean preservation, Integer delta) {}

    /** Largest step still called "sequential": beyond it a prediction would rarely hit. */
    static final int MAX_SEQUENTIAL_GAP = 16;

    private PortPattern() {}

    public static Result of(List<Sample> samples, boolean natPresent) {
        if (!natPresent) return new Result(samples.isEmpty() ? PortAllocation.NOT_TESTED : PortAllocation.NONE,
                samples.isEmpty() ? null : Boolean.TRUE, null);
        if (samples.size() < 2) return new Result(PortAllocation.NOT_TESTED, null, null);
        boolean preserving = samples.stream().allMatch(s -> s.localPort() == s.mappedPort());
        if (preserving) return new Result(PortAllocation.PRESERVING, true, null);
        TreeSet<Integer> ports = new TreeSet<>();
        samples.forEach(s -> ports.add(s.mappedPort()));
        if (ports.size() < 3) return new Result(PortAllocation.NOT_TESTED, false, null);
        List<Integer> sorted = new ArrayList<>(ports);
        Map<Integer, Integer> gapCount = new HashMap<>();
        int maxGap = 0;
        for (int i = 1; i < sorted.size(); i++) {
            int g = sorted.get(i) - sorted.get(i - 1);
            maxGap = Math.max(maxGap, g);
            gapCount.merge(g, 1, Integer::sum);
        }
        if (maxGap <= MAX_SEQUENTIAL_GAP) {
            int delta = gapCount.entrySet().stream()
                    .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(b.getKey(), a.getKey())
                            : Integer.compare(a.getValue(), b.getValue()))
                    .orElseThrow().getKey();
            return new Result(PortAllocation.SEQUENTIAL, false, delta);
        }
        return new Result(PortAllocation.RANDOM, false, null);
    }
}
