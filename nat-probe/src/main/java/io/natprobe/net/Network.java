package io.natprobe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * The datagram edge a {@link PlanRunner} drives: real sockets ({@link UdpTransport}) or a simulated
 * network in tests. Local sockets are numbered by the plan.
 */
public interface Network extends AutoCloseable {

    /** Opens local socket {@code socket}, connected to {@code peer} if not null; returns its local address. */
    InetSocketAddress open(int socket, InetSocketAddress peer) throws IOException;

    /** Sends one datagram. An ICMP error reported by the kernel comes back as {@link Inbound.Unreachable}. */
    List<Inbound> send(int socket, InetSocketAddress to, byte[] datagram) throws IOException;

    /** Waits until at least one datagram arrived or {@code until} passed; returns what arrived (maybe nothing). */
    List<Inbound> receive(Instant until) throws IOException;

    /** Closes one socket; later datagrams to it are lost. */
    void closeSocket(int socket);

    @Override
    void close();

    sealed interface Inbound {
        int socket();
    }

    record Datagram(int socket, InetSocketAddress from, byte[] data) implements Inbound {}

    /** A connected socket reported ICMP port-unreachable (Java: PortUnreachableException). */
    record Unreachable(int socket) implements Inbound {}
}
