package io.natprobe.server.rendezvous;

import java.net.InetSocketAddress;

/** A datagram the server loop must send from the primary socket. */
public record Outgoing(InetSocketAddress to, byte[] data) { }
