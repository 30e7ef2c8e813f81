package io.natprobe.punch;

import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLineFormat;
import io.natprobe.log.PacketLog;
import io.natprobe.log.PacketRecorder;
import io.natprobe.log.Timeline;
import io.natprobe.log.TrafficKind;
import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.RendezvousMessage;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@link PeerLink} over one UDP socket, the thin I/O edge around {@link PunchSession} and
 * {@link RendezvousClient}: one I/O thread owns the sockets and the state machines; the caller's
 * methods hand it tasks and wait. Datagrams from the rendezvous server are rendezvous messages;
 * everything else goes to the punch session. A second socket on the same port (SO_REUSEPORT),
 * connected to the peer's public address, carries the probes to the peer, because only a connected
 * UDP socket hears ICMP port-unreachable (as {@link PortUnreachableException}).
 */
final class UdpPeerLink implements PeerLink {
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);

    private final InetSocketAddress server;
    private final PacketLog log;
    private final PacketRecorder recorder = new PacketRecorder(200_000);
    private final Instant anchor;
    private final long anchorNanos = System.nanoTime();
    private final PunchLimits limits;
    private final DatagramChannel main;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PunchSockets sockets;
    private Thread io;
    private volatile boolean closed;

    // Owned by the I/O thread once it runs.
    private PunchSession session;
    private RendezvousClient client;
    private SessionCode code;
    private NatHint hint;
    private InetSocketAddress otherServerAddress;
    private volatile boolean serverAnswered;
    private volatile String refusal;
    private CompletableFuture<Void> registered;
    private CompletableFuture<PunchResult> punchDone;
    private final LogTransfer.Assembler peerLog = new LogTransfer.Assembler();

    private UdpPeerLink(InetSocketAddress server, PacketLog log, InstantSource clock, PunchLimits limits,
                        DatagramChannel main, Selector selector) {
        this.server = server;
        this.log = log == null ? PacketLog.NONE : log;
        this.anchor = clock.instant();
        this.limits = limits;
        this.main = main;
        this.selector = selector;
        this.sockets = new PunchSockets(selector, main);
    }

    static UdpPeerLink open(InetSocketAddress server, InetSocketAddress local, PacketLog log, InstantSource clock,
                            PunchLimits limits) throws PunchException {
        if (server == null || server.isUnresolved()) {
            throw new PunchException("the rendezvous server address is not a literal IP address and port");
        }
        DatagramChannel ch = null;
        try {
            // The server's address family, so logs show 0.0.0.0:port rather than a dual-stack [::]:port.
            boolean v6 = server.getAddress() instanceof java.net.Inet6Address;
            ch = DatagramChannel.open(v6 ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            ch.bind(local == null ? new InetSocketAddress(routeSource(server, v6), 0) : local);
            return new UdpPeerLink(server, log, clock, limits, ch, Selector.open());
        } catch (IOException | UnsupportedOperationException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing was sent
                }
            }
            throw new PunchException("cannot open a UDP socket: " + e.getMessage(), e);
        }
    }

    /**
     * The local address the kernel uses toward the server (a connected UDP socket sends nothing). The
     * punch socket binds to it rather than to the wildcard, so logs, status and the LOCAL-ADDRESS
     * reported to the peer name the real interface, and a peer on loopback is only told 127.0.0.1.
     */
    static java.net.InetAddress routeSource(InetSocketAddress server, boolean v6) throws IOException {
        try (DatagramChannel probe = DatagramChannel.open(v6 ? java.net.StandardProtocolFamily.INET6
                : java.net.StandardProtocolFamily.INET)) {
            probe.connect(server);
            java.net.InetAddress a = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            return a.isAnyLocalAddress() ? java.net.InetAddress.getByName(v6 ? "::" : "0.0.0.0") : a;
        }
    }

    Instant now() {
        return anchor.plusNanos(System.nanoTime() - anchorNanos);
    }

    private void event(PacketEvent e) {
        recorder.onEvent(e);
        log.onEvent(e);
    }

    // ---------------------------------------------------------------- session set-up (caller thread)

    @Override
    public SessionCode createSession() throws PunchException {
        checkOpen();
        if (code != null) {
            throw new PunchException("already in session " + code + ": run `reset` or open a new link for another session");
        }
        checkNat();
        TransactionId id = TransactionId.random();
        byte[] req = RendezvousCodec.encode(id, new RendezvousMessage.CreateRequest(), null);
        RendezvousMessage answer = LinkSetup.create(main, server, id, req, this::event, this::now,
                () -> serverAnswered = true);
        if (answer instanceof RendezvousMessage.CreateResponse r) {
            join(r.code());
            return r.code();
        }
        if (answer instanceof RendezvousMessage.ErrorResponse e) {
            throw new PunchException("the rendezvous server refused to create a session: " + e.code() + " " + e.reason());
        }
        throw new PunchException("the rendezvous server " + PacketLineFormat.address(server)
                + " did not answer: is `natprobe server` running there with rendezvous on (not --no-rendezvous)?");
    }

    @Override
    public void join(SessionCode joinCode) throws PunchException {
        checkOpen();
        if (code != null) {
            throw new PunchException("already in session " + code + ": open a new link for another session");
        }
        checkNat();
        code = joinCode;
        Credentials key = RendezvousKeys.credentials(joinCode);
        session = new PunchSession(key, limits, new Random());
        client = new RendezvousClient(joinCode, key, LinkSetup.localAddresses(main));
        registered = new CompletableFuture<>();
        startIo();
        submit(() -> {
            client.register();
            pump();
        });
        try {
            registered.get(ANSWER_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String why = refusal != null ? refusal : "the rendezvous server " + PacketLineFormat.address(server)
                    + " did not answer the registration";
            throw new PunchException(why);
        } catch (ExecutionException e) {
            throw new PunchException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PunchException("interrupted while registering");
        }
    }

    private void checkNat() throws PunchException {
        if (hint != null) {
            return;
        }
        try {
            NatCheck check = new NatCheck(main, server, this::event, this::now);
            hint = check.run();
            otherServerAddress = check.otherAddress;
            if (hint == null) {
                hint = NatHint.UNKNOWN; // no Binding answer: the rendezvous exchange will tell whether the server is there
            } else {
                serverAnswered = true;
            }
        } catch (IOException e) {
            throw new PunchException("the NAT check failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- the I/O thread

    private void startIo() throws PunchException {
        try {
            main.configureBlocking(false);
            main.register(selector, SelectionKey.OP_READ, 0);
        } catch (IOException e) {
            throw new PunchException("cannot use the UDP socket: " + e.getMessage(), e);
        }
        io = new Thread(this::loop, "natprobe-peer-link");
        io.setDaemon(true);
        io.start();
    }

    private void submit(Runnable r) {
        tasks.add(r);
        selector.wakeup();
    }

    private <T> T call(java.util.concurrent.Callable<T> c) throws PunchException {
        CompletableFuture<T> f = new CompletableFuture<>();
        submit(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PunchException p) {
                throw p;
            }
            throw new PunchException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new PunchException("the link's I/O thread did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PunchException("interrupted");
        }
    }

    private void loop() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (!closed) {
            try {
                Runnable r;
                while ((r = tasks.poll()) != null) {
                    r.run();
                }
                pump();
                Instant wake = earliest(session.nextWake(), client.wake());
                long ms = wake == null ? 1000 : Math.max(0, Duration.between(now(), wake).toMillis());
                if (ms == 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.min(ms, 1000));
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    drain((DatagramChannel) k.channel(), (Integer) k.attachment(), in);
                }
                selector.selectedKeys().clear();
                Instant w = session.nextWake();
                if (w != null && !now().isBefore(w)) {
                    perform(session.onEvent(new PunchEvent.Tick(), now()));
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    event(PacketEvent.state(now(), "I/O error: " + e.getMessage()));
                }
            }
        }
    }

    private void drain(DatagramChannel ch, int socket, ByteBuffer in) throws IOException {
        for (int i = 0; i < 256; i++) {
            in.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) ch.receive(in);
            } catch (PortUnreachableException e) {
                icmp(socket);
                continue;
            } catch (SocketException e) {
                return; // closed under us (birthday sockets)
            }
            if (from == null) {
                return;
            }
            byte[] data = java.util.Arrays.copyOf(in.array(), in.position());
            InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
            if (from.equals(server)) {
                rendezvous(data, local);
            } else if (from.equals(otherServerAddress)) {
                event(PacketEvent.received(now(), TrafficKind.STUN, local, from, data, "late NAT-check answer"));
            } else {
                Optional<PunchProbe> p = PunchProbe.decode(data, data.length, client.key());
                event(PacketEvent.received(now(), p.isPresent() && p.get().kind() == PunchProbe.Kind.KEEPALIVE
                        ? TrafficKind.KEEPALIVE : p.isPresent() ? TrafficKind.PUNCH : TrafficKind.OTHER, local, from, data,
                        p.map(PunchProbe::summary).orElse("stray datagram (not a probe of this session): ignored")));
                perform(session.onEvent(new PunchEvent.Datagram(socket, from, data), now()));
            }
        }
    }

    private void icmp(int socket) {
        InetSocketAddress remote = socket == 0 ? sockets.peer() : null;
        try {
            event(PacketEvent.icmpError(now(), TrafficKind.PUNCH, (InetSocketAddress) main.getLocalAddress(), remote,
                    "ICMP port unreachable: the far router's own stack got our probe"));
        } catch (IOException ignored) {
            // the socket closed meanwhile
        }
        if (remote != null) {
            perform(session.onEvent(new PunchEvent.IcmpError(socket, remote), now()));
        }
    }

    private void rendezvous(byte[] data, InetSocketAddress local) {
        StunMessage m;
        RendezvousMessage r;
        try {
            m = StunCodec.decode(data, 0, data.length);
            if (!RendezvousCodec.isRendezvous(m.method())) {
                event(PacketEvent.received(now(), TrafficKind.STUN, local, server, data, "STUN " + m.type() + " (ignored)"));
                return;
            }
            r = RendezvousCodec.decode(m);
        } catch (StunParseException e) {
            event(PacketEvent.received(now(), TrafficKind.RENDEZVOUS, local, server, data, "malformed: " + e.getMessage()));
            return;
        }
        serverAnswered = true;
        boolean authentic = r instanceof RendezvousMessage.ErrorResponse
                || StunIntegrity.checkIntegrity(data, client.key()) == StunIntegrity.Verdict.VALID;
        event(PacketEvent.received(now(), TrafficKind.RENDEZVOUS, local, server, data,
                RendezvousSummary.summary(r) + (authentic ? "" : " (integrity fails: ignored)")));
        if (!authentic) {
            return;
        }
        if (m.stunClass() == StunClass.SUCCESS_RESPONSE || m.stunClass() == StunClass.ERROR_RESPONSE) {
            RendezvousMessage request = client.answered(m.transactionId(), r, now());
            if (request == null) {
                return;
            }
            if (r instanceof RendezvousMessage.ErrorResponse e) {
                refusal = "the rendezvous server refused " + RendezvousSummary.summary(request) + ": " + e.code() + " " + e.reason()
                        + (e.code() == 401 ? " (check the session code; codes expire 10-20 minutes after creation)" : "");
                if (registered != null && !registered.isDone()) {
                    registered.completeExceptionally(new PunchException(refusal));
                }
                return;
            }
            if (r instanceof RendezvousMessage.RegisterResponse rr) {
                peerState(rr.role(), rr.mapped(), rr.peer(), local);
            }
        } else if (r instanceof RendezvousMessage.PeerUpdate u) {
            peerState(u.role(), u.mapped(), u.peer(), local);
        } else if (r instanceof RendezvousMessage.Deliver d) {
            if (!client.delivered(d.sequence())) {
                return;
            }
            ControlMessage c;
            try {
                c = ControlCodec.decode(d.control());
            } catch (IllegalArgumentException e) {
                event(PacketEvent.state(now(), "control message from the peer ignored: " + e.getMessage()));
                return;
            }
            if (c instanceof ControlMessage.LogChunk chunk) {
                peerLog.add(chunk);
            } else if (c instanceof ControlMessage.LogRequest) {
                sendLog();
            } else {
                perform(session.onEvent(new PunchEvent.ControlReceived(c), now()));
            }
        }
    }

    private void peerState(io.natprobe.rendezvous.Role role, InetSocketAddress mapped,
                           RendezvousMessage.PeerInfo peer, InetSocketAddress local) {
        if (session.role() == null) {
            perform(session.onEvent(new PunchEvent.Registered(role, local, mapped, hint, client.serverOffset()), now()));
            registered.complete(null);
        }
        InetSocketAddress reflexive = peer == null ? null : peer.reflexive();
        if (reflexive == null ? session.peerReflexive() != null : !reflexive.equals(session.peerReflexive())) {
            String problem = sockets.connectToPeer(reflexive);
            if (problem != null) {
                event(PacketEvent.state(now(), problem));
            }
            perform(session.onEvent(new PunchEvent.PeerKnown(reflexive, peer == null ? List.of() : peer.localAddresses()),
                    now()));
        }
    }

    /** Sends what the rendezvous client wants sent now. */
    private void pump() {
        if (client == null) {
            return;
        }
        RendezvousClient.Pending p;
        while ((p = client.poll(now())) != null) {
            try {
                main.send(ByteBuffer.wrap(p.bytes()), server);
                event(PacketEvent.sent(now(), TrafficKind.RENDEZVOUS, (InetSocketAddress) main.getLocalAddress(), server,
                        p.bytes(), RendezvousSummary.summary(p.message()) + (p.tries() > 1 ? " (retransmission " + (p.tries() - 1) + ")" : "")));
            } catch (IOException e) {
                event(PacketEvent.state(now(), "cannot send to the rendezvous server: " + e.getMessage()));
            }
            if (p.tries() > 1 || !client.idle()) {
                break; // one request in flight at a time
            }
        }
    }

    private void perform(List<PunchAction> actions) {
        for (PunchAction a : actions) {
            if (a instanceof PunchAction.Send s) {
                send(s);
            } else if (a instanceof PunchAction.SendControl c) {
                byte[] bytes = ControlCodec.encode(c.message());
                client.send(bytes);
            } else if (a instanceof PunchAction.OpenSockets o) {
                String problem = sockets.openExtra(o.count());
                if (problem != null) {
                    event(PacketEvent.state(now(), problem));
                }
            } else if (a instanceof PunchAction.CloseExtraSockets c) {
                sockets.closeExtra(c.keep());
            } else if (a instanceof PunchAction.Note n) {
                event(PacketEvent.state(now(), n.text()));
            } else if (a instanceof PunchAction.Finished f) {
                sendLog();
                if (punchDone != null) {
                    punchDone.complete(f.result());
                }
            }
        }
        pump();
    }

    private void send(PunchAction.Send s) {
        DatagramChannel ch = sockets.channelFor(s.socket(), s.to());
        if (ch == null) {
            return;
        }
        try {
            InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
            if (sockets.connected(ch)) {
                ch.write(ByteBuffer.wrap(s.data()));
            } else {
                ch.send(ByteBuffer.wrap(s.data()), s.to());
            }
            event(PacketEvent.sent(now(), s.kind(), local, s.to(), s.data(), s.summary()));
        } catch (PortUnreachableException e) {
            icmp(s.socket());
        } catch (IOException e) {
            event(PacketEvent.state(now(), "cannot send to " + PacketLineFormat.address(s.to()) + ": " + e.getMessage()));
        }
    }

    private void sendLog() {
        for (ControlMessage.LogChunk c : LogTransfer.chunks(recorder.events(), client.serverOffset())) {
            client.send(ControlCodec.encode(c));
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- PeerLink

    private void checkOpen() throws PunchException {
        if (closed) {
            throw new PunchException("this link is closed: open a new one");
        }
    }

    private void requirePeer() throws PunchException {
        checkOpen();
        if (session == null) {
            throw new PunchException("no session yet: run `session new` here or `session join CODE` with the other side's code");
        }
        if (call(() -> session.peerReflexive()) == null) {
            throw new PunchException("no peer yet: run `session join " + code + "` on the other side first");
        }
    }

    @Override
    public boolean serverAnswered() {
        return serverAnswered;
    }

    @Override
    public NatHint selfNat() {
        return hint == null ? NatHint.UNKNOWN : hint;
    }

    @Override
    public NatHint peerNat() {
        PunchSession s = session;
        return s == null || s.peerHint() == null ? NatHint.UNKNOWN : s.peerHint();
    }

    @Override
    public LinkStatus status() {
        InetSocketAddress local;
        try {
            local = (InetSocketAddress) main.getLocalAddress();
        } catch (IOException e) {
            local = null;
        }
        if (session == null) {
            return new LinkStatus(PunchState.IDLE.name(), code, null, local, hint == null ? null : hint.mapped(), null,
                    List.of(), null, null, null, null);
        }
        Instant now = now();
        PunchSession s = session;
        return new LinkStatus(s.state().name(), code, s.role(), local, s.mapped(), s.peerReflexive(), s.peerLocals(),
                s.peerSeenFrom(), s.lastSent() == null ? null : Duration.between(s.lastSent(), now),
                s.lastHeard() == null ? null : Duration.between(s.lastHeard(), now), s.keepaliveInterval());
    }

    @Override
    public void open(int count, OptionalInt ttl) throws PunchException {
        if (ttl.isPresent()) {
            // java.net has no unicast IP_TTL option (StandardSocketOptions.IP_MULTICAST_TTL is multicast only).
            throw new PunchException("a low TTL is not available: Java 17 cannot set the IP TTL of unicast UDP"
                    + " packets. Run `open` without a TTL, or ask the far router's admin to drop unsolicited"
                    + " inbound UDP (docs/punch.md).");
        }
        requireCount(count);
        requirePeer();
        call(() -> {
            perform(session.onEvent(new PunchEvent.Open(count), now()));
            return null;
        });
    }

    @Override
    public void ask(int count) throws PunchException {
        requireCount(count);
        requirePeer();
        call(() -> {
            perform(session.onEvent(new PunchEvent.Ask(count), now()));
            return null;
        });
    }

    @Override
    public void send(int count) throws PunchException {
        requireCount(count);
        requirePeer();
        call(() -> {
            perform(session.onEvent(new PunchEvent.Send(count), now()));
            return null;
        });
    }

    private static void requireCount(int count) throws PunchException {
        if (count < 1 || count > 100) {
            throw new PunchException("count must be 1..100, not " + count);
        }
    }

    /** Counters at the end of the previous listen: a listen reports what arrived since then. */
    private int[] listenMark = {0, 0, 0};

    /**
     * Waits up to {@code duration}; reports what arrived since the previous listen (so probes that came
     * in between an {@code ask} and this call count), returning 300 ms after the first arrival.
     */
    @Override
    public ListenResult listen(Duration duration, BooleanSupplier cancelled) throws PunchException {
        checkOpen();
        if (session == null) {
            requirePeer(); // says how to get a session
        }
        Instant end = now().plus(duration);
        // The side that waits (the article's B) may listen before the peer has joined: wait for it
        // within the same time budget, then listen for its probes.
        while (call(() -> session.peerReflexive()) == null) {
            if (cancelled.getAsBoolean()) {
                return new ListenResult(0, 0, null, 0, true);
            }
            if (!now().isBefore(end)) {
                throw new PunchException("no peer joined within " + duration.toSeconds() + " s: run `session join "
                        + code + "` on the other side");
            }
            sleep(20);
        }
        int[] before = listenMark;
        boolean wasCancelled = false;
        Instant firstHeard = null;
        int[] now = before;
        while (now().isBefore(end)) {
            if (cancelled.getAsBoolean()) {
                wasCancelled = true;
                break;
            }
            now = call(() -> session.counters());
            if (firstHeard == null && now[0] + now[1] > before[0] + before[1]) {
                firstHeard = now();
            }
            if (firstHeard != null && now().isAfter(firstHeard.plusMillis(300))) {
                break;
            }
            sleep(20);
        }
        int[] after = call(() -> session.counters());
        listenMark = after;
        InetSocketAddress from = after[0] + after[1] > before[0] + before[1] ? call(() -> session.lastFrom()) : null;
        return new ListenResult(after[0] - before[0], after[1] - before[1], from, after[2] - before[2], wasCancelled);
    }

    @Override
    public PunchResult punch(PunchOptions options, BooleanSupplier cancelled) throws PunchException {
        requirePeer();
        CompletableFuture<PunchResult> done = new CompletableFuture<>();
        call(() -> {
            punchDone = done;
            perform(session.onEvent(new PunchEvent.Start(options), now()));
            return null;
        });
        while (true) {
            try {
                return done.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    throw new PunchException("cancelled: the attempt was stopped before it ended");
                }
            } catch (ExecutionException e) {
                throw new PunchException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PunchException("interrupted");
            }
        }
    }

    @Override
    public void keepalive(Duration interval) throws PunchException {
        checkOpen();
        if (interval != null && (interval.isNegative() || interval.compareTo(Duration.ofMillis(100)) < 0)) {
            throw new PunchException("keepalive interval must be at least 100 ms");
        }
        if (session == null) {
            throw new PunchException("no session yet: keepalives need a peer");
        }
        call(() -> {
            perform(session.onEvent(new PunchEvent.Keepalive(interval), now()));
            return null;
        });
    }

    @Override
    public List<PacketEvent> events() {
        return recorder.events();
    }

    @Override
    public List<PacketEvent> timeline(Duration wait, BooleanSupplier cancelled) throws PunchException {
        checkOpen();
        if (session == null) {
            requirePeer(); // says how to get a session
        }
        boolean peerHere = call(() -> session.peerReflexive()) != null;
        boolean have = call(() -> peerLog.complete());
        if (!have && !peerHere) {
            // The peer left (or never came): our own events, with whatever of its log already arrived.
            return Timeline.merge(recorder.events(), call(() -> peerLog.events()),
                    call(() -> client.serverOffset()).minus(call(() -> peerLog.peerServerOffset())));
        }
        if (!have) {
            call(() -> {
                client.send(ControlCodec.encode(new ControlMessage.LogRequest()));
                pump();
                return null;
            });
        }
        Instant end = now().plus(wait);
        while (!call(() -> peerLog.complete()) && now().isBefore(end) && !cancelled.getAsBoolean()) {
            sleep(50);
        }
        List<PacketEvent> peer = call(() -> peerLog.events());
        Duration mine = call(() -> client.serverOffset());
        Duration theirs = call(() -> peerLog.peerServerOffset());
        // Peer clock ahead of ours = (server - us) - (server - peer).
        return Timeline.merge(recorder.events(), peer, mine.minus(theirs));
    }

    @Override
    public void reset() {
        if (session == null || closed) {
            recorder.clear();
            return;
        }
        listenMark = new int[] {0, 0, 0};
        try {
            call(() -> {
                perform(session.onEvent(new PunchEvent.Reset(), now()));
                return null;
            });
        } catch (PunchException e) {
            // a closed link has nothing to reset
        }
        recorder.clear();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (io != null && client != null) {
            try {
                call(() -> {
                    if (session.peerReflexive() != null) {
                        sendLog(); // so the peer's timeline still holds our side after we are gone
                    }
                    client.stopRefreshing();
                    client.leave();
                    pump();
                    return null;
                });
                Instant end = now().plus(Duration.ofMillis(1500)); // the log chunks, then LEAVE
                while (now().isBefore(end) && !call(() -> client.idle())) {
                    sleep(10);
                }
            } catch (PunchException e) {
                // leaving is a courtesy: the session expires on the server anyway
            }
        }
        closed = true;
        selector.wakeup();
        if (io != null) {
            try {
                io.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sockets.closeAll();
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing to flush
        }
    }

    private static void sleep(long ms) throws PunchException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PunchException("interrupted");
        }
    }
}
