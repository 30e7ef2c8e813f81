package io.natprobe.punch;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The verdict of an automatic attempt.
 *
 * @param connected   true when two-way traffic flowed in at least one direction
 * @param directions  one entry per direction tried
 * @param diagnosis   the reason in plain words (why it worked or failed) and what to try next
 */
public record PunchResult(boolean connected, List<DirectionResult> directions, Diagnosis diagnosis) {

    public PunchResult {
        directions = List.copyOf(directions);
    }

    /**
     * @param first          which side went first ("A" or "B")
     * @param connected      whether this direction connected
     * @param strategy       the strategy that connected (or the last one tried)
     * @param timeToConnect  from the first probe to two-way traffic, null when it failed
     * @param path           "direct", "hairpin" or "same-lan", null when it failed
     * @param remote         the peer address that worked, null when it failed
     * @param probesSent     probes this side sent
     * @param rtt            round-trip time to the peer once connected, null when unknown
     */
    public record DirectionResult(String first, boolean connected, PunchOptions.Strategy strategy,
                                  Duration timeToConnect, String path, InetSocketAddress remote,
                                  int probesSent, Duration rtt) { }

    /**
     * @param code     a stable key for the finding, e.g. "endpoint-dependent-mapping", "router-state-port-change"
     * @param summary  one sentence for a support engineer
     * @param details  the evidence, one line each
     * @param advice   what to try next, one line each
     */
    public record Diagnosis(String code, String summary, List<String> details, List<String> advice) {
        public Diagnosis {
            details = List.copyOf(details);
            advice = List.copyOf(advice);
        }
    }
}
