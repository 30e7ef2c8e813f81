package io.natprobe.net;

import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Instant;

/** One started transaction: which test, from which local socket, to where, what, and when first sent. */
public record Exchange(String label, int socket, InetSocketAddress local, InetSocketAddress to,
                       StunMessage request, Instant firstSent) {}
