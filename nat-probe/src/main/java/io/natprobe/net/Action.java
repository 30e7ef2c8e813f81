package io.natprobe.net;

import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Instant;

/** What a sans-I/O {@link Plan} asks its driver to do next. */
public sealed interface Action<R> {

    /**
     * Start a transaction: send {@code request} from local socket number {@code socket} (the driver
     * opens it on first use) to {@code to}, retransmitting per the driver's policy until an answer or a
     * timeout comes back as an {@link Outcome}. {@code label} names the test in the evidence.
     * {@code connected}: open the socket connected to {@code to} (only on first use), so an ICMP
     * port-unreachable surfaces; such a socket can only talk to that one peer.
     */
    record Send<R>(String label, int socket, InetSocketAddress to, StunMessage request, boolean connected)
            implements Action<R> {
        public Send {
            if (socket < 0) throw new IllegalArgumentException("socket out of range: " + socket);
        }
        public Send(String label, int socket, InetSocketAddress to, StunMessage request) {
            this(label, socket, to, request, false);
        }
    }

    /** Nothing to send until an outcome arrives or {@code until} is reached. */
    record WaitUntil<R>(Instant until) implements Action<R> {}

    /** Close a local socket the plan no longer needs (its running transactions are dropped). */
    record Close<R>(int socket) implements Action<R> {}

    /** Finished; the driver closes every socket. */
    record Done<R>(R result) implements Action<R> {}
}
