package io.natprobe.punch;

import java.time.Duration;

/**
 * How to run an automatic attempt.
 *
 * @param strategy   which procedure
 * @param direction  who goes first: {@link Direction#A_FIRST}, {@link Direction#B_FIRST}, or both one after the other
 * @param timeout    give up an attempt (one strategy in one direction) after this long
 * @param interval   time between probes
 */
public record PunchOptions(Strategy strategy, Direction direction, Duration timeout, Duration interval) {

    /** The procedures natprobe can run (docs/punch.md). */
    public enum Strategy {
        /** The seed article's procedure: one side opens its hole, asks the other to send, both confirm. */
        STEPWISE,
        /** Both sides start at a server-coordinated instant and send at a fixed interval. */
        SIMULTANEOUS,
        /** Predict the next ports of an address-and-port-dependent mapping (sequential delta). */
        PREDICT,
        /** Many sockets on one side, many probes on the other (birthday technique). */
        BIRTHDAY,
        /** Each of the above in turn until one connects. */
        ALL
    }

    public enum Direction { A_FIRST, B_FIRST, BOTH }

    public static PunchOptions defaults() {
        return new PunchOptions(Strategy.ALL, Direction.BOTH, Duration.ofSeconds(10), Duration.ofMillis(100));
    }
}
