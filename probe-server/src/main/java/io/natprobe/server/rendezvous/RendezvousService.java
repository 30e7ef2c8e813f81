package io.natprobe.server.rendezvous;

import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.RendezvousMessage;
import io.natprobe.rendezvous.RendezvousMessage.CreateRequest;
import io.natprobe.rendezvous.RendezvousMessage.CreateResponse;
import io.natprobe.rendezvous.RendezvousMessage.Deliver;
import io.natprobe.rendezvous.RendezvousMessage.ErrorResponse;
import io.natprobe.rendezvous.RendezvousMessage.LeaveRequest;
import io.natprobe.rendezvous.RendezvousMessage.LeaveResponse;
import io.natprobe.rendezvous.RendezvousMessage.PeerInfo;
import io.natprobe.rendezvous.RendezvousMessage.PeerUpdate;
import io.natprobe.rendezvous.RendezvousMessage.RegisterRequest;
import io.natprobe.rendezvous.RendezvousMessage.RegisterResponse;
import io.natprobe.rendezvous.RendezvousMessage.SendRequest;
import io.natprobe.rendezvous.RendezvousMessage.SendResponse;
import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rendezvous service (docs/protocol.md), sans I/O: given a decoded request, its raw bytes, where it
 * came from and the time, it returns the datagrams to send. State exists only for sessions whose
 * messages authenticated with the session code's key; it is bounded by {@link RendezvousLimits}.
 */
public final class RendezvousService {
    private final CodeIssuer issuer;
    private final RendezvousLimits limits;
    private final RendezvousStats stats = new RendezvousStats();
    private final Map<Integer, Session> sessions = new HashMap<>();

    public RendezvousService(CodeIssuer issuer, RendezvousLimits limits) {
        this.issuer = issuer;
        this.limits = limits;
    }

    public RendezvousStats stats() {
        return stats;
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    /**
     * Handles one datagram whose STUN method is a rendezvous method. Anything but a request is
     * dropped (an empty list): the server never answers responses or indications.
     */
    public synchronized List<Outgoing> handle(StunMessage request, byte[] raw, InetSocketAddress source, Instant now) {
        return handleRequest(request, raw, source, now).out();
    }

    /**
     * The datagrams to send and whether the request authenticated with a session key (the server
     * loop charges unauthenticated ones, CREATE included, to the per-source reply budget).
     */
    public record Handled(List<Outgoing> out, boolean authenticated) { }

    /** {@link #handle}, also saying whether the request authenticated. */
    public synchronized Handled handleRequest(StunMessage request, byte[] raw, InetSocketAddress source, Instant now) {
        List<Outgoing> out = dispatch(request, raw, source, now);
        return new Handled(out, lastAuthenticated);
    }

    private boolean lastAuthenticated;

    private List<Outgoing> dispatch(StunMessage request, byte[] raw, InetSocketAddress source, Instant now) {
        lastAuthenticated = false;
        if (request.stunClass() != StunClass.REQUEST) {
            stats.malformed.increment();
            return List.of();
        }
        TransactionId id = request.transactionId();
        RendezvousMessage m;
        try {
            m = RendezvousCodec.decode(request);
        } catch (StunParseException e) {
            stats.malformed.increment();
            return error(id, request, source, 400, "Bad Request: " + e.getMessage(), null);
        }
        if (m instanceof CreateRequest) {
            return create(id, source, now);
        }
        int nameplate = nameplateOf(m);
        Session s = authenticate(nameplate, raw, now);
        if (s == null) {
            stats.authFailures.increment();
            // RFC 8489 §9.1.3: a failed check gets 401 without MESSAGE-INTEGRITY. Same size as the request or less.
            return error(id, request, source, 401, "Unauthenticated: wrong session code, or it expired", null);
        }
        s.lastActivity = now;
        lastAuthenticated = true;
        if (m instanceof RegisterRequest r) {
            return register(s, r, id, source, now);
        }
        if (m instanceof SendRequest r) {
            return send(s, r, id, source, now);
        }
        if (m instanceof LeaveRequest) {
            return leave(s, id, source, now);
        }
        stats.malformed.increment();
        return error(id, request, source, 400, "Bad Request: not a rendezvous request", s.key);
    }

    /** Removes idle and over-age sessions; the server loop calls it about once a second. */
    public synchronized void expire(Instant now) {
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (expired(s, now)) {
                it.remove();
                stats.expired.increment();
            }
        }
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastActivity.plus(limits.idleTimeout())) || !now.isBefore(s.created.plus(limits.maxAge()));
    }

    private List<Outgoing> create(TransactionId id, InetSocketAddress source, Instant now) {
        SessionCode code = issuer.issue(now, sessions::containsKey);
        if (code == null) {
            stats.busy.increment();
            return List.of(new Outgoing(source, RendezvousCodec.encodeError(id, RendezvousCodec.CREATE,
                    new ErrorResponse(508, "Insufficient Capacity: too many sessions, try again later"), null)));
        }
        stats.created.increment();
        return List.of(new Outgoing(source, RendezvousCodec.encode(id, new CreateResponse(code, issuer.validity()), null)));
    }

    private Session authenticate(int nameplate, byte[] raw, Instant now) {
        Session s = sessions.get(nameplate);
        if (s != null) {
            if (expired(s, now)) {
                sessions.remove(nameplate);
                stats.expired.increment();
                return null;
            }
            return valid(raw, s.key) ? s : null;
        }
        for (SessionCode candidate : issuer.candidates(nameplate, now)) {
            Credentials key = RendezvousKeys.credentials(candidate);
            if (valid(raw, key)) {
                if (sessions.size() >= limits.maxSessions()) {
                    return null;
                }
                Session fresh = new Session(candidate, key, now);
                sessions.put(nameplate, fresh);
                return fresh;
            }
        }
        return null;
    }

    private static boolean valid(byte[] raw, Credentials key) {
        return StunIntegrity.checkIntegrity(raw, key) == StunIntegrity.Verdict.VALID;
    }

    private List<Outgoing> register(Session s, RegisterRequest r, TransactionId id, InetSocketAddress source,
                                    Instant now) {
        Session.Peer me = s.peerAt(source);
        List<Outgoing> out = new ArrayList<>();
        if (me == null) {
            Role role = s.freeRole();
            if (role == null) {
                stats.thirdPeerRefused.increment();
                return error(id, RendezvousCodec.REGISTER, source, 403,
                        "Forbidden: this session already has two peers", s.key);
            }
            me = new Session.Peer(role, source, r.localAddresses(), r.sequence());
            s.peers[role.ordinal()] = me;
            stats.registered.increment();
            Session.Peer other = s.peer(role.other());
            if (other != null) {
                // Tell the peer that was waiting, now, rather than at its next refresh.
                out.add(new Outgoing(other.address, RendezvousCodec.encode(TransactionId.random(),
                        new PeerUpdate(s.code.nameplate(), other.role, other.address, info(me), now), s.key)));
            }
        } else {
            if (r.sequence() <= me.lastSequence) {
                stats.replaysRefused.increment();
                return List.of(); // a replay or a reordered duplicate: the newer one was answered already
            }
            me.lastSequence = r.sequence();
            me.locals = r.localAddresses();
            stats.refreshed.increment();
            while (!me.outbox.isEmpty() && me.outbox.peekFirst().sequence() <= r.ackSequence()) {
                me.outboxBytes -= me.outbox.pollFirst().control().length;
            }
            for (Deliver d : me.outbox) {
                out.add(new Outgoing(me.address, RendezvousCodec.encode(TransactionId.random(), d, s.key)));
            }
        }
        Session.Peer other = s.peer(me.role.other());
        out.add(0, new Outgoing(source, RendezvousCodec.encode(id,
                new RegisterResponse(s.code.nameplate(), me.role, source, other == null ? null : info(other), now), s.key)));
        return out;
    }

    private List<Outgoing> send(Session s, SendRequest r, TransactionId id, InetSocketAddress source, Instant now) {
        Session.Peer me = s.peerAt(source);
        if (me == null) {
            return error(id, RendezvousCodec.SEND, source, 403, "Forbidden: register before sending", s.key);
        }
        if (r.sequence() <= me.lastSequence) {
            stats.replaysRefused.increment();
            return List.of();
        }
        me.lastSequence = r.sequence();
        List<Outgoing> out = new ArrayList<>(2);
        out.add(new Outgoing(source, RendezvousCodec.encode(id, new SendResponse(s.code.nameplate(), now), s.key)));
        Session.Peer other = s.peer(me.role.other());
        if (other != null) {
            Deliver d = new Deliver(s.code.nameplate(), me.role, r.sequence(), r.control(), r.sentAt(), now);
            queue(other, d);
            stats.relayed.increment();
            out.add(new Outgoing(other.address, RendezvousCodec.encode(TransactionId.random(), d, s.key)));
        }
        return out;
    }

    private void queue(Session.Peer p, Deliver d) {
        p.outbox.addLast(d);
        p.outboxBytes += d.control().length;
        while (p.outbox.size() > limits.outboxMessages() || p.outboxBytes > limits.outboxBytes()) {
            p.outboxBytes -= p.outbox.pollFirst().control().length;
            stats.outboxDropped.increment();
        }
    }

    private List<Outgoing> leave(Session s, TransactionId id, InetSocketAddress source, Instant now) {
        Session.Peer me = s.peerAt(source);
        List<Outgoing> out = new ArrayList<>(2);
        out.add(new Outgoing(source, RendezvousCodec.encode(id, new LeaveResponse(s.code.nameplate()), s.key)));
        if (me != null) {
            s.peers[me.role.ordinal()] = null;
            stats.left.increment();
            Session.Peer other = s.peer(me.role.other());
            if (other != null) {
                out.add(new Outgoing(other.address, RendezvousCodec.encode(TransactionId.random(),
                        new PeerUpdate(s.code.nameplate(), other.role, other.address, null, now), s.key)));
            }
        }
        if (s.empty()) {
            sessions.remove(s.code.nameplate());
        }
        return out;
    }

    private static PeerInfo info(Session.Peer p) {
        return new PeerInfo(p.address, p.locals);
    }

    private static int nameplateOf(RendezvousMessage m) {
        if (m instanceof RegisterRequest r) {
            return r.nameplate();
        }
        if (m instanceof SendRequest r) {
            return r.nameplate();
        }
        if (m instanceof LeaveRequest r) {
            return r.nameplate();
        }
        return 0;
    }

    private List<Outgoing> error(TransactionId id, StunMessage request, InetSocketAddress source, int code,
                                 String reason, Credentials key) {
        return error(id, request.method(), source, code, reason, key);
    }

    private List<Outgoing> error(TransactionId id, io.natprobe.stun.StunMethod method, InetSocketAddress source,
                                 int code, String reason, Credentials key) {
        return List.of(new Outgoing(source, RendezvousCodec.encodeError(id, method, new ErrorResponse(code, reason), key)));
    }
}
