package io.natprobe.punch;

import io.natprobe.log.ClockOffset;
import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.rendezvous.RendezvousMessage;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The peer's side of the rendezvous protocol (docs/protocol.md), sans I/O: one request in flight at a
 * time (the server drops a SEQUENCE that is not higher than the last one it saw, so requests must not
 * overtake each other), retransmitted on a schedule (RFC 8489 §6.2.1, shortened), REGISTER refreshes
 * that acknowledge deliveries, and clock-offset samples from each answered REGISTER.
 */
final class RendezvousClient {
    static final Duration REFRESH = Duration.ofSeconds(1);
    static final Duration FIRST_RTO = Duration.ofMillis(250);
    static final int TRIES = 6;

    record Pending(TransactionId id, RendezvousMessage message, byte[] bytes, Instant sentAt, int tries, Instant retryAt) { }

    private final SessionCode code;
    private final Credentials key;
    private final List<InetSocketAddress> locals;
    private long sequence;
    private long ackSequence;
    private final Set<Long> delivered = new HashSet<>();
    private final Deque<RendezvousMessage> queue = new ArrayDeque<>();
    private Pending inFlight;
    private Instant nextRefresh;
    private final List<ClockOffset.Sample> samples = new ArrayList<>();
    private int failures;

    RendezvousClient(SessionCode code, Credentials key, List<InetSocketAddress> locals) {
        this.code = code;
        this.key = key;
        this.locals = List.copyOf(locals);
    }

    Credentials key() {
        return key;
    }

    void register() {
        queue.addLast(new RendezvousMessage.RegisterRequest(code.nameplate(), locals, 0, 0, Instant.EPOCH));
    }

    void send(byte[] control) {
        queue.addLast(new RendezvousMessage.SendRequest(code.nameplate(), 0, control, Instant.EPOCH));
    }

    void leave() {
        queue.addLast(new RendezvousMessage.LeaveRequest(code.nameplate()));
    }

    boolean idle() {
        return inFlight == null && queue.isEmpty();
    }

    /** Requests that gave up without an answer, so far. */
    int failures() {
        return failures;
    }

    /** The next datagram to send now (a fresh request, a retransmission, or a refresh), or null. */
    Pending poll(Instant now) {
        if (inFlight != null) {
            if (now.isBefore(inFlight.retryAt())) {
                return null;
            }
            if (inFlight.tries() >= TRIES) {
                failures++;
                inFlight = null; // the server may have taken it and lost only the answer: go on
            } else {
                Duration rto = FIRST_RTO.multipliedBy(1L << inFlight.tries());
                inFlight = new Pending(inFlight.id(), inFlight.message(), inFlight.bytes(), inFlight.sentAt(),
                        inFlight.tries() + 1, now.plus(rto));
                return inFlight;
            }
        }
        if (queue.isEmpty() && nextRefresh != null && !now.isBefore(nextRefresh)) {
            register();
        }
        RendezvousMessage m = queue.pollFirst();
        if (m == null) {
            return null;
        }
        // Sequence and timestamp are set now, when it is actually sent.
        RendezvousMessage stamped;
        if (m instanceof RendezvousMessage.RegisterRequest r) {
            stamped = new RendezvousMessage.RegisterRequest(r.nameplate(), r.localAddresses(), ++sequence, ackSequence, now);
            nextRefresh = now.plus(REFRESH);
        } else if (m instanceof RendezvousMessage.SendRequest s) {
            stamped = new RendezvousMessage.SendRequest(s.nameplate(), ++sequence, s.control(), now);
        } else {
            stamped = m;
        }
        TransactionId id = TransactionId.random();
        inFlight = new Pending(id, stamped, RendezvousCodec.encode(id, stamped, key), now, 1, now.plus(FIRST_RTO));
        return inFlight;
    }

    /** Matches a response to the request in flight; returns that request, or null for a stray. */
    RendezvousMessage answered(TransactionId id, RendezvousMessage response, Instant now) {
        if (inFlight == null || !inFlight.id().equals(id)) {
            return null;
        }
        RendezvousMessage request = inFlight.message();
        if (response instanceof RendezvousMessage.RegisterResponse r && inFlight.tries() == 1) {
            // Only unretransmitted exchanges give clean samples (Karn's rule).
            samples.add(new ClockOffset.Sample(inFlight.sentAt(), r.serverTime(), r.serverTime(), now));
        }
        inFlight = null;
        return request;
    }

    /** A DELIVER: true the first time its sequence arrives (deliveries repeat until acknowledged). */
    boolean delivered(long seq) {
        if (!delivered.add(seq)) {
            return false;
        }
        ackSequence = Math.max(ackSequence, seq);
        return true;
    }

    /** How far the server's clock is ahead of ours. */
    Duration serverOffset() {
        return ClockOffset.estimate(samples).offset();
    }

    Instant wake() {
        Instant w = inFlight != null ? inFlight.retryAt() : queue.isEmpty() ? nextRefresh : Instant.MIN;
        return w;
    }

    void stopRefreshing() {
        nextRefresh = null;
    }
}
