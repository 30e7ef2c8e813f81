package io.natprobe.sim;

import java.net.InetSocketAddress;

/** A UDP datagram in the simulated network. */
public record Packet(InetSocketAddress from, InetSocketAddress to, byte[] data) {
    /**
     * The payload of an ICMP port-unreachable error (compared by identity): {@code from} is the
     * address the failed packet was sent to, {@code to} its sender.
     */
    public static final byte[] ICMP_PORT_UNREACHABLE = new byte[0];

    public boolean isIcmp() {
        return data == ICMP_PORT_UNREACHABLE;
    }

    public Packet withFrom(InetSocketAddress f) {
        return new Packet(f, to, data);
    }

    public Packet withTo(InetSocketAddress t) {
        return new Packet(from, t, data);
    }
}
