package io.natprobe.log;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;

/**
 * One entry of the packet log: a datagram sent or received, a timeout, an ICMP error or a state change.
 *
 * @param at       wall-clock time of the event (taken from a monotonic source anchored once, so
 *                 events of one log never go backwards)
 * @param origin   whose log this came from
 * @param type     what happened
 * @param kind     which traffic it belongs to
 * @param local    the local socket address (null for a state change)
 * @param remote   the far address: destination of a sent packet, source of a received one (null if none)
 * @param length   UDP payload size in bytes (0 when not a packet)
 * @param summary  one short human phrase, e.g. "Binding request", "punch #3"
 * @param payload  the UDP payload when kept (for pcap), else an empty array
 */
public record PacketEvent(Instant at, Origin origin, EventType type, TrafficKind kind,
                          InetSocketAddress local, InetSocketAddress remote, int length,
                          String summary, byte[] payload) {

    private static final byte[] NONE = new byte[0];

    public PacketEvent {
        if (at == null || origin == null || type == null || kind == null || summary == null) {
            throw new IllegalArgumentException("at, origin, type, kind and summary are required");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length is negative: " + length);
        }
        payload = payload == null || payload.length == 0 ? NONE : payload.clone();
    }

    public static PacketEvent sent(Instant at, TrafficKind kind, InetSocketAddress local, InetSocketAddress remote,
                                   byte[] payload, String summary) {
        return new PacketEvent(at, Origin.SELF, EventType.SENT, kind, local, remote, payload.length, summary, payload);
    }

    public static PacketEvent received(Instant at, TrafficKind kind, InetSocketAddress local, InetSocketAddress remote,
                                       byte[] payload, String summary) {
        return new PacketEvent(at, Origin.SELF, EventType.RECEIVED, kind, local, remote, payload.length, summary, payload);
    }

    public static PacketEvent timeout(Instant at, TrafficKind kind, InetSocketAddress local, InetSocketAddress remote,
                                      String summary) {
        return new PacketEvent(at, Origin.SELF, EventType.TIMEOUT, kind, local, remote, 0, summary, NONE);
    }

    public static PacketEvent icmpError(Instant at, TrafficKind kind, InetSocketAddress local, InetSocketAddress remote,
                                        String summary) {
        return new PacketEvent(at, Origin.SELF, EventType.ICMP_ERROR, kind, local, remote, 0, summary, NONE);
    }

    public static PacketEvent state(Instant at, String summary) {
        return new PacketEvent(at, Origin.SELF, EventType.STATE, TrafficKind.OTHER, null, null, 0, summary, NONE);
    }

    /** The payload bytes (a copy); empty when the log did not keep them. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    boolean hasPayload() {
        return payload.length > 0;
    }

    byte[] payloadNoCopy() {
        return payload;
    }

    /** The same event marked as the peer's, with its time shifted into our clock. */
    public PacketEvent asPeer(java.time.Duration clockOffset) {
        return new PacketEvent(at.minus(clockOffset), Origin.PEER, type, kind, local, remote, length, summary, payload);
    }

    /** The same event with another type (e.g. SENT turned LOST when merging). */
    public PacketEvent withType(EventType newType) {
        return new PacketEvent(at, origin, newType, kind, local, remote, length, summary, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketEvent e && e.at.equals(at) && e.origin == origin && e.type == type && e.kind == kind
                && java.util.Objects.equals(e.local, local) && java.util.Objects.equals(e.remote, remote)
                && e.length == length && e.summary.equals(summary) && Arrays.equals(e.payload, payload);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(at, origin, type, kind, local, remote, length, summary);
    }

    @Override
    public String toString() {
        return PacketLineFormat.format(this, null);
    }
}
