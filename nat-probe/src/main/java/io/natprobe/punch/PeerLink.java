package io.natprobe.punch;

import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLog;
import io.natprobe.rendezvous.SessionCode;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * One side of a punch session, driven step by step (the {@code natprobe>} shell) or all at once
 * ({@code natprobe punch}). It owns one UDP socket: the same socket talks to the rendezvous server and
 * punches, so the server sees the mapping the peer will use. Every packet, timeout, ICMP error and
 * state change goes to the {@link PacketLog} given at creation, as it happens (on the I/O thread).
 *
 * <p>Wrong use fails with a {@link PunchException} whose message tells a support engineer what to do
 * next, e.g. "no peer yet: run `session join CODE` on the other side first".
 * Blocking calls take a {@code cancelled} supplier (Ctrl-C in the shell) and return early when it
 * turns true.
 */
public interface PeerLink extends AutoCloseable {

    /** Asks the rendezvous server for a new session and registers in it; returns the code for the peer. */
    SessionCode createSession() throws PunchException;

    /** Registers in an existing session (a code from the other side or from support). */
    void join(SessionCode code) throws PunchException;

    /** Where we stand: own local and mapped address, the peer's addresses, state, hole ages. */
    LinkStatus status();

    /**
     * The article's step 1: send {@code count} probes to the peer's public endpoint. They open our
     * NAT's hole toward the peer (and are usually dropped by the peer's NAT). {@code ttl}, when
     * present, is the IP TTL of these packets if the platform supports it (else a PunchException says so).
     */
    void open(int count, OptionalInt ttl) throws PunchException;

    /** The article's step 2: ask the peer, through the server, to send {@code count} probes to us now. */
    void ask(int count) throws PunchException;

    /** Send {@code count} probes to the peer now (without asking it to do anything). */
    void send(int count) throws PunchException;

    /**
     * Wait up to {@code duration} for the peer's probes (every probe is answered as it arrives, listening
     * or not); says what arrived since the previous listen (so probes that came between an {@code ask}
     * and this call count), and returns about 300 ms after the first arrival. When no peer has joined
     * yet, it first waits for one within the same duration (the side that waits can simply listen).
     */
    ListenResult listen(Duration duration, BooleanSupplier cancelled) throws PunchException;

    /**
     * The automatic attempt with a strategy and direction; ends with a verdict and a diagnosis. A (the
     * side that registered first) runs its plan; B follows A's attempts whatever its own options say.
     * Both sides must call it (B may call it a little later than A). Each attempt may take
     * {@code options.timeout()} (birthday: at least its spray time + 2 s).
     */
    PunchResult punch(PunchOptions options, BooleanSupplier cancelled) throws PunchException;

    /** Keepalives every {@code interval} to hold the hole open; null turns them off. */
    void keepalive(Duration interval) throws PunchException;

    /** This side's events so far. */
    List<PacketEvent> events();

    /** This side's and the peer's events merged into one timeline (fetches the peer's log via the rendezvous). */
    List<PacketEvent> timeline(Duration wait, BooleanSupplier cancelled) throws PunchException;

    /** Forgets the attempt so far (holes, counters, log), keeping the session. */
    void reset();

    /** True once the rendezvous server (or its STUN port) answered anything: tells "unreachable" from "refused". */
    default boolean serverAnswered() {
        return status().mapped() != null;
    }

    /** What the NAT check found about our own NAT (mapping, filtering); {@link NatHint#UNKNOWN} before it ran. */
    default NatHint selfNat() {
        return NatHint.UNKNOWN;
    }

    /** What the peer reported about its NAT, or {@link NatHint#UNKNOWN}. */
    default NatHint peerNat() {
        return NatHint.UNKNOWN;
    }

    /** Leaves the session on the server and closes the socket. */
    @Override
    void close();
}
