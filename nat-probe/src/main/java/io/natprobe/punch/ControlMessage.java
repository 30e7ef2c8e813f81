package io.natprobe.punch;

import io.natprobe.rendezvous.Role;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The small control messages the two peers exchange through the rendezvous server (CONTROL attribute,
 * JSON; docs/punch.md lists them). A coordinates (it registered first); B follows its attempts.
 */
public sealed interface ControlMessage {

    /** Sent once the peer is known: what this side learned about its NAT. */
    record Hello(NatHint hint) implements ControlMessage { }

    /**
     * A starts attempt {@code id}: {@code strategy}, who goes {@code first}, the start instant in the
     * rendezvous server's clock (microseconds since the epoch), the attempt's timeout and probe interval.
     */
    record Attempt(int id, PunchOptions.Strategy strategy, Role first, long startAtServerMicros, int timeoutMs,
                   int intervalMs) implements ControlMessage { }

    /** The article's step 2: "send {@code count} probes to me now" (attempt 0: a manual ask from the shell). */
    record Ask(int id, int count) implements ControlMessage { }

    /**
     * How attempt {@code id} went on the sender's side: whether it got an answer, where the other's
     * probes came from ({@code heardFrom}, null if none arrived), how the other saw the sender
     * ({@code seenAs}, from answers), probes sent, ICMP errors, ms to connect (-1 if not).
     */
    record Result(int id, boolean connected, InetSocketAddress heardFrom, InetSocketAddress seenAs, int probesSent,
                  int icmpErrors, long connectMs) implements ControlMessage { }

    /** A has no more attempts to run. */
    record Done(int attempts) implements ControlMessage { }

    /**
     * Part {@code index} of {@code total} of the sender's packet log (deflated JSONL), with how far
     * the rendezvous server's clock is ahead of the sender's ({@code serverOffsetMicros}), so the
     * receiver can put both logs on one timeline.
     */
    record LogChunk(int index, int total, long serverOffsetMicros, byte[] data) implements ControlMessage {
        public LogChunk {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LogChunk c && c.index == index && c.total == total
                    && c.serverOffsetMicros == serverOffsetMicros && Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return index * 31 + Arrays.hashCode(data);
        }
    }

    /** Asks the peer to send its packet log. */
    record LogRequest() implements ControlMessage { }
}
