package io.natprobe.sim;

import java.net.InetSocketAddress;

/** A UDP datagram in the simulated network. */
public record Packet(InetSocketAddress from, InetSocketAddress to, byte[] data) {
    public Packet withFrom(InetSocketAddress f) {
        return new Packet(f, to, data);
    }

    public Packet withTo(InetSocketAddress t) {
        return new Packet(from, t, data);
    }
}
