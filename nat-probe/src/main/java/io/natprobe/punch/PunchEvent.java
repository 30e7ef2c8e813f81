package io.natprobe.punch;

import io.natprobe.rendezvous.Role;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** What the driver tells a {@link PunchSession}: observations (packets, ICMP, control) and user requests. */
public sealed interface PunchEvent {

    /** The rendezvous server accepted us: our role, local and public address, and what the NAT check found. */
    record Registered(Role role, InetSocketAddress local, InetSocketAddress mapped, NatHint hint,
                      Duration serverOffset) implements PunchEvent { }

    /** The server told us about the peer ({@code reflexive} null: the peer left). */
    record PeerKnown(InetSocketAddress reflexive, List<InetSocketAddress> locals) implements PunchEvent {
        public PeerKnown {
            locals = locals == null ? List.of() : List.copyOf(locals);
        }
    }

    /** A control message from the peer, relayed by the rendezvous server. */
    record ControlReceived(ControlMessage message) implements PunchEvent { }

    /** A datagram on one of our punch sockets (0 is the main socket) that is not rendezvous traffic. */
    record Datagram(int socket, InetSocketAddress from, byte[] data) implements PunchEvent { }

    /** The socket reported an ICMP error (port unreachable) for traffic to {@code remote}. */
    record IcmpError(int socket, InetSocketAddress remote) implements PunchEvent { }

    /** Time passed (the driver calls with this at {@link PunchSession#nextWake()} or later). */
    record Tick() implements PunchEvent { }

    /** Run the automatic attempt. */
    record Start(PunchOptions options) implements PunchEvent { }

    /** The shell's steps: open our hole (send to the peer), ask the peer to send, send probes. */
    record Open(int count) implements PunchEvent { }

    record Ask(int count) implements PunchEvent { }

    record Send(int count) implements PunchEvent { }

    /** Keepalives every {@code interval} once a path is known; null turns them off. */
    record Keepalive(Duration interval) implements PunchEvent { }

    /** Forget the attempt so far, keep the session. */
    record Reset() implements PunchEvent { }
}
