package io.natprobe.net;

import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transaction layer, sans-I/O: RFC 8489 §6.2.1 retransmission and matching by transaction id.
 * It is told the time and the datagrams; it returns what to (re)send and the outcomes. Datagrams that
 * are not STUN, do not parse, or carry an id we are not waiting for are strays: counted, never fatal.
 */
public final class StunClient {

    /** A datagram to put on the wire now. */
    public record Outgoing(int socket, InetSocketAddress to, byte[] datagram) {}

    private static final class Pending {
        final Exchange exchange;
        final byte[] bytes;
        int sends = 1;
        Instant nextSend;
        final Instant deadline;
        boolean unreachable;

        Pending(Exchange exchange, byte[] bytes, Instant nextSend, Instant deadline) {
            this.exchange = exchange;
            this.bytes = bytes;
            this.nextSend = nextSend;
            this.deadline = deadline;
        }
    }

    private final RetransmissionPolicy policy;
    private final Map<TransactionId, Pending> pending = new LinkedHashMap<>();
    private final List<TransactionRecord> records = new ArrayList<>();
    private int strays;
    private int malformed;

    public StunClient(RetransmissionPolicy policy) {
        this.policy = policy;
    }

    /** Starts a transaction and returns its first send. */
    public Outgoing start(Exchange exchange) {
        TransactionId id = exchange.request().transactionId();
        if (pending.containsKey(id)) throw new IllegalArgumentException("transaction already running: " + id);
        byte[] bytes = StunCodec.encodeWithFingerprint(exchange.request());
        Instant first = exchange.firstSent();
        Instant next = policy.rc() > 1 ? first.plus(policy.sendOffset(1)) : null;
        pending.put(id, new Pending(exchange, bytes, next, first.plus(policy.timeout())));
        return new Outgoing(exchange.socket(), exchange.to(), bytes);
    }

    /** Retransmissions due at {@code now}; timed-out transactions go to {@code outcomes}. */
    public List<Outgoing> poll(Instant now, List<Outcome> outcomes) {
        List<Outgoing> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!now.isBefore(p.deadline)) {
                it.remove();
                Outcome.TimedOut t = new Outcome.TimedOut(p.exchange, now, p.unreachable);
                records.add(TransactionRecord.of(t, p.sends));
                outcomes.add(t);
                continue;
            }
            while (p.nextSend != null && !now.isBefore(p.nextSend)) {
                out.add(new Outgoing(p.exchange.socket(), p.exchange.to(), p.bytes));
                p.sends++;
                p.nextSend = p.sends < policy.rc()
                        ? p.exchange.firstSent().plus(policy.sendOffset(p.sends)) : null;
            }
        }
        return out;
    }

    /** The earliest instant at which {@link #poll} has something to do. */
    public Optional<Instant> nextWake() {
        Instant best = null;
        for (Pending p : pending.values()) {
            Instant t = p.nextSend != null && p.nextSend.isBefore(p.deadline) ? p.nextSend : p.deadline;
            if (best == null || t.isBefore(best)) best = t;
        }
        return Optional.ofNullable(best);
    }

    /** A datagram arrived on {@code socket}; returns the outcome if it completes a transaction. */
    public Optional<Outcome> onDatagram(int socket, InetSocketAddress local, InetSocketAddress from,
                                        byte[] data, Instant now) {
        if (!StunCodec.looksLikeStun(data, 0, data.length)) {
            strays++;
            return Optional.empty();
        }
        StunMessage m;
        try {
            m = StunCodec.decode(data);
        } catch (StunParseException e) {
            malformed++;
            return Optional.empty();
        }
        Pending p = pending.remove(m.transactionId());
        if (p == null) {
            strays++;
            return Optional.empty();
        }
        Outcome.Answered a = new Outcome.Answered(p.exchange, socket, local, from, m, now);
        records.add(TransactionRecord.of(a, p.sends));
        return Optional.of(a);
    }

    /** ICMP port-unreachable on {@code socket}: remembered on its running transactions (they keep retrying). */
    public void onUnreachable(int socket) {
        for (Pending p : pending.values()) {
            if (p.exchange.socket() == socket) p.unreachable = true;
        }
    }

    /** Forgets running transactions of a socket that the plan closed. */
    public void cancelSocket(int socket) {
        pending.values().removeIf(p -> p.exchange.socket() == socket);
    }

    public int running() {
        return pending.size();
    }

    /** Datagrams that matched no running transaction (late duplicates, other traffic). */
    public int strays() {
        return strays;
    }

    /** STUN-looking datagrams that failed to decode. */
    public int malformed() {
        return malformed;
    }

    /** Every finished transaction, in the order it finished: the evidence. */
    public List<TransactionRecord> records() {
        return List.copyOf(records);
    }
}
