package io.natprobe.server.rendezvous;

import io.natprobe.rendezvous.RendezvousMessage.Deliver;
import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** One live rendezvous session: its key and at most two peers. Guarded by the service's lock. */
final class Session {
    final SessionCode code;
    final Credentials key;
    final Instant created;
    Instant lastActivity;
    final Peer[] peers = new Peer[2];

    Session(SessionCode code, Credentials key, Instant now) {
        this.code = code;
        this.key = key;
        this.created = now;
        this.lastActivity = now;
    }

    Peer peer(Role r) {
        return peers[r.ordinal()];
    }

    Peer peerAt(InetSocketAddress source) {
        for (Peer p : peers) {
            if (p != null && p.address.equals(source)) {
                return p;
            }
        }
        return null;
    }

    Role freeRole() {
        return peers[0] == null ? Role.A : peers[1] == null ? Role.B : null;
    }

    boolean empty() {
        return peers[0] == null && peers[1] == null;
    }

    /** A registered peer: where the server sees it, what it reported, what it has not acknowledged yet. */
    static final class Peer {
        final Role role;
        final InetSocketAddress address;
        List<InetSocketAddress> locals;
        long lastSequence;
        final ArrayDeque<Deliver> outbox = new ArrayDeque<>();
        int outboxBytes;

        Peer(Role role, InetSocketAddress address, List<InetSocketAddress> locals, long sequence) {
            this.role = role;
            this.address = address;
            this.locals = List.copyOf(locals);
            this.lastSequence = sequence;
        }
    }
}
