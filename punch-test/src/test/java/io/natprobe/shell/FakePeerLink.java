package io.natprobe.shell;

import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLog;
import io.natprobe.log.TrafficKind;
import io.natprobe.punch.LinkStatus;
import io.natprobe.punch.ListenResult;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PunchException;
import io.natprobe.punch.PunchOptions;
import io.natprobe.punch.PunchResult;
import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * A scripted peer link: records the calls it gets, emits plausible packet events to the log, and
 * refuses wrong use with the messages the real engine gives. {@code listen} blocks until its time is
 * up or it is cancelled (so tests can press Ctrl-C), and signals {@link #listening} when it starts.
 */
final class FakePeerLink implements PeerLink {
    static final SessionCode CODE = new SessionCode(4817, 3, 7);
    static final InetSocketAddress LOCAL = new InetSocketAddress("10.0.1.10", 40000);
    static final InetSocketAddress MAPPED = new InetSocketAddress("203.0.113.11", 40000);
    static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.22", 50001);

    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch listening = new CountDownLatch(1);
    final InetSocketAddress server;
    private final PacketLog log;
    private final InstantSource clock;
    private final List<PacketEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean peerKnown;
    volatile Role role;
    volatile SessionCode session;
    volatile boolean ttlSupported = true;
    volatile boolean closed;
    /** listen emits no event (what it reports arrived before it started). */
    volatile boolean quietListen;
    volatile PunchResult punchResult = new PunchResult(true,
            List.of(new PunchResult.DirectionResult("A", true, PunchOptions.Strategy.STEPWISE, Duration.ofMillis(320),
                    "direct", PEER, 4, Duration.ofMillis(12))),
            new PunchResult.Diagnosis("both-endpoint-independent", "Both NATs keep one public port per socket.",
                    List.of("A's probe #1 was dropped by B's NAT"), List.of()));
    volatile PunchOptions lastPunchOptions;
    private Instant lastSent;

    FakePeerLink(InetSocketAddress server, PacketLog log, InstantSource clock) {
        this.server = server;
        this.log = log;
        this.clock = clock;
    }

    void emit(PacketEvent e) {
        events.add(e);
        log.onEvent(e);
    }

    PacketEvent peerEvent(EventType type, String summary) {
        return new PacketEvent(clock.instant(), Origin.PEER, type, TrafficKind.PUNCH, PEER, MAPPED, 60, summary, null);
    }

    /** The other side joins (as the rendezvous would announce it). */
    void peerJoins() {
        peerKnown = true;
        emit(PacketEvent.state(clock.instant(), "peer joined from " + PEER.getAddress().getHostAddress() + ":" + PEER.getPort()));
    }

    @Override
    public SessionCode createSession() {
        calls.add("createSession");
        session = CODE;
        role = Role.A;
        emit(PacketEvent.state(clock.instant(), "session " + CODE + " created"));
        return CODE;
    }

    @Override
    public void join(SessionCode code) throws PunchException {
        calls.add("join " + code);
        if (!code.equals(CODE)) {
            throw new PunchException("the server does not know session " + code + ": check the code, or create a new one");
        }
        session = code;
        role = Role.B;
        peerKnown = true;
        emit(PacketEvent.state(clock.instant(), "peer known"));
    }

    @Override
    public LinkStatus status() {
        Duration age = lastSent == null ? null : Duration.between(lastSent, clock.instant());
        return new LinkStatus(peerKnown ? "PEER_KNOWN" : "REGISTERED", session, role, LOCAL, MAPPED,
                peerKnown ? PEER : null, List.of(), null, age, null, null);
    }

    private void needPeer() throws PunchException {
        if (!peerKnown) {
            throw new PunchException("no peer yet: run `session join CODE` on the other side first");
        }
    }

    @Override
    public void open(int count, OptionalInt ttl) throws PunchException {
        calls.add("open " + count + " ttl=" + (ttl.isPresent() ? ttl.getAsInt() : "-"));
        needPeer();
        if (ttl.isPresent() && !ttlSupported) {
            throw new PunchException("this system cannot set the TTL of a UDP packet; run `ttl off` and `open` again");
        }
        for (int i = 1; i <= count; i++) {
            emit(PacketEvent.sent(clock.instant(), TrafficKind.PUNCH, LOCAL, PEER, new byte[20], "punch #" + i));
        }
        lastSent = clock.instant();
    }

    @Override
    public void ask(int count) throws PunchException {
        calls.add("ask " + count);
        needPeer();
        emit(peerEvent(EventType.SENT, "punch #1"));
        emit(PacketEvent.received(clock.instant(), TrafficKind.PUNCH, LOCAL, PEER, new byte[20], "punch #1 from B"));
    }

    @Override
    public void send(int count) throws PunchException {
        calls.add("send " + count);
        needPeer();
        for (int i = 1; i <= count; i++) {
            emit(PacketEvent.sent(clock.instant(), TrafficKind.PUNCH, LOCAL, PEER, new byte[20], "punch #" + i));
        }
        lastSent = clock.instant();
    }

    @Override
    public ListenResult listen(Duration duration, BooleanSupplier cancelled) throws PunchException {
        calls.add("listen " + duration.toSeconds());
        needPeer();
        // An event from another thread while the step blocks, as the engine's I/O thread does.
        Thread t = new Thread(() -> {
            if (!quietListen) {
                emit(PacketEvent.received(clock.instant(), TrafficKind.PUNCH, LOCAL, PEER, new byte[20], "punch #2 from B"));
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listening.countDown();
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            if (cancelled.getAsBoolean()) {
                return new ListenResult(1, 0, PEER, 0, true);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new ListenResult(1, 0, PEER, 0, false);
    }

    @Override
    public PunchResult punch(PunchOptions options, BooleanSupplier cancelled) throws PunchException {
        calls.add("punch " + options.strategy() + " " + options.direction());
        needPeer();
        lastPunchOptions = options;
        return punchResult;
    }

    @Override
    public void keepalive(Duration interval) {
        calls.add("keepalive " + interval);
    }

    @Override
    public List<PacketEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public List<PacketEvent> timeline(Duration wait, BooleanSupplier cancelled) throws PunchException {
        calls.add("timeline");
        needPeer();
        return new ArrayList<>(events);
    }

    @Override
    public void reset() {
        calls.add("reset");
        events.clear();
        lastSent = null;
    }

    @Override
    public void close() {
        calls.add("close");
        closed = true;
    }

    /** A factory that hands out fakes and remembers them. */
    static final class Factory implements PeerLinkFactory {
        final List<FakePeerLink> made = new CopyOnWriteArrayList<>();

        @Override
        public PeerLink open(InetSocketAddress rendezvous, PacketLog log, InstantSource clock) {
            FakePeerLink l = new FakePeerLink(rendezvous, log, clock);
            made.add(l);
            return l;
        }

        FakePeerLink last() {
            return made.get(made.size() - 1);
        }
    }
}
