package io.natprobe.log;

/** What happened. Packets are SENT or RECEIVED; the rest are things that happened to no packet. */
public enum EventType {
    /** A datagram left a local socket. */
    SENT(">>"),
    /** A datagram arrived on a local socket. */
    RECEIVED("<<"),
    /** An expected answer did not arrive in time. */
    TIMEOUT("!!"),
    /** The kernel reported an ICMP error (port unreachable) for a socket. */
    ICMP_ERROR("!!"),
    /** A step or state change of the procedure (no packet). */
    STATE("--"),
    /** A packet the sender's log shows but the receiver never saw (set when merging both peers' logs). */
    LOST("xx");

    private final String arrow;

    EventType(String arrow) {
        this.arrow = arrow;
    }

    /** Two-character marker of the one-line format. */
    public String arrow() {
        return arrow;
    }

    public boolean isPacket() {
        return this == SENT || this == RECEIVED || this == LOST;
    }
}
