package io.natprobe.punch;

import io.natprobe.log.PacketLineFormat;
import io.natprobe.log.TrafficKind;
import io.natprobe.punch.PunchOptions.Strategy;
import io.natprobe.rendezvous.Role;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One side of a punch session as a state machine, sans I/O (docs/punch.md): the driver feeds it
 * {@link PunchEvent}s with the time and performs the {@link PunchAction}s it returns. A coordinates the
 * automatic run (it registered first); B follows A's attempts. Every probe is answered with where it
 * came from, so each side learns which port the other's NAT really used.
 */
public final class PunchSession {
    private static final int MAX_REMEMBERED_PROBES = 8192;

    private final Credentials key;
    private final PunchLimits limits;
    private final RandomGenerator random;
    private final List<PunchAction> out = new ArrayList<>();
    private Instant now;

    private PunchState state = PunchState.IDLE;
    private Role role;
    private InetSocketAddress local;
    private InetSocketAddress mapped;
    private NatHint selfHint = NatHint.UNKNOWN;
    private Duration serverOffset = Duration.ZERO;
    private InetSocketAddress peerReflexive;
    private List<InetSocketAddress> peerLocals = List.of();
    private NatHint peerHint;
    private boolean helloSent;

    private int sequence;
    private final Map<Integer, Instant> sentAt = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Instant> e) {
            return size() > MAX_REMEMBERED_PROBES;
        }
    };

    // The automatic run.
    private PunchOptions options;
    private List<PlanStep> plan;
    private int planIndex;
    private Instant hintWaitUntil;
    private Instant giveUpAt;
    private Attempt current;
    private PlanStep currentStep;
    private Instant currentEndedAt;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<Integer, PlanStep> stepOf = new HashMap<>();
    private final Map<Integer, ControlMessage.Result> peerResults = new HashMap<>();
    private boolean peerDone;
    private boolean peerRunActive;
    private boolean runReported;
    private PunchResult result;

    // The link and the shell's counters.
    private int linkSocket;
    private InetSocketAddress linkRemote;
    private Instant lastSent;
    private Instant lastHeard;
    private InetSocketAddress peerSeenFrom;
    private InetSocketAddress seenAs;
    private Duration rtt;
    private Duration keepalive;
    private Instant nextKeepalive;
    private int probesHeard;
    private int answersHeard;
    private int icmpErrors;
    private InetSocketAddress lastFrom;
    private final List<InetSocketAddress> icmpFrom = new ArrayList<>();

    public PunchSession(Credentials key, PunchLimits limits, RandomGenerator random) {
        this.key = key;
        this.limits = limits;
        this.random = random;
    }

    public synchronized List<PunchAction> onEvent(PunchEvent event, Instant at) {
        now = at;
        out.clear();
        if (event instanceof PunchEvent.Registered r) {
            role = r.role();
            local = r.local();
            mapped = r.mapped();
            selfHint = r.hint() == null ? NatHint.UNKNOWN : r.hint();
            serverOffset = r.serverOffset() == null ? Duration.ZERO : r.serverOffset();
            if (state == PunchState.IDLE) {
                move(PunchState.REGISTERED, "registered as " + role + ", public address " + PacketLineFormat.address(mapped)
                        + " (" + selfHint.describe() + ")");
            }
        } else if (event instanceof PunchEvent.PeerKnown p) {
            peerKnown(p);
        } else if (event instanceof PunchEvent.ControlReceived c) {
            onControl(c.message());
        } else if (event instanceof PunchEvent.Datagram d) {
            datagram(d);
        } else if (event instanceof PunchEvent.IcmpError e) {
            icmpErrors++;
            icmpFrom.add(e.remote());
            if (current != null && !current.ended) {
                current.icmpErrors++;
            }
            note("ICMP port unreachable for " + PacketLineFormat.address(e.remote())
                    + ": that router's own stack got our probe (no hole there yet); punching goes on");
        } else if (event instanceof PunchEvent.Start s) {
            start(s.options());
        } else if (event instanceof PunchEvent.Open o) {
            requirePeer();
            for (int i = 0; i < o.count(); i++) {
                targets().forEach(t -> probe(0, t, "open"));
            }
        } else if (event instanceof PunchEvent.Send s) {
            requirePeer();
            for (int i = 0; i < s.count(); i++) {
                targets().forEach(t -> probe(0, t, "punch"));
            }
        } else if (event instanceof PunchEvent.Ask a) {
            requirePeer();
            control(new ControlMessage.Ask(0, a.count()), true);
        } else if (event instanceof PunchEvent.Keepalive k) {
            keepalive = k.interval();
            nextKeepalive = keepalive == null ? null : now.plus(keepalive);
        } else if (event instanceof PunchEvent.Reset) {
            reset();
        }
        tick();
        return List.copyOf(out);
    }

    private void peerKnown(PunchEvent.PeerKnown p) {
        if (p.reflexive() == null) {
            peerReflexive = null;
            note("the peer left the session");
            if (state == PunchState.PEER_KNOWN || state == PunchState.CONNECTED) {
                move(PunchState.REGISTERED, "waiting for a peer");
            }
            return;
        }
        boolean changed = !p.reflexive().equals(peerReflexive);
        peerReflexive = p.reflexive();
        peerLocals = p.locals();
        if (changed) {
            helloSent = false;
            if (state == PunchState.IDLE || state == PunchState.REGISTERED) {
                move(PunchState.PEER_KNOWN, "peer's public address " + PacketLineFormat.address(peerReflexive)
                        + (peerLocals.isEmpty() ? "" : ", local " + peerLocals.stream().map(PacketLineFormat::address).toList()));
            }
        }
        if (!helloSent && role != null) {
            helloSent = true;
            control(new ControlMessage.Hello(selfHint), true);
        }
    }

    private void onControl(ControlMessage m) {
        if (m instanceof ControlMessage.Hello h) {
            peerHint = h.hint();
            note("peer's NAT: " + peerHint.describe());
        } else if (m instanceof ControlMessage.Attempt a) {
            if (peerReflexive == null) {
                return; // we cannot take part before the server told us where the peer is
            }
            endCurrent("A started the next attempt");
            if (!peerRunActive) {
                runReported = false;
                if (options == null || result != null) {
                    attempts.clear(); // A started a new run while we were not in one: start a fresh record
                    peerResults.clear();
                    stepOf.clear();
                    peerDone = false;
                }
            }
            peerRunActive = true;
            PlanStep step = new PlanStep(a.first() == Role.A ? 0 : 1, a.first(), a.strategy());
            Instant start = Instant.EPOCH.plus(Duration.ofNanos(a.startAtServerMicros() * 1000)).minus(serverOffset);
            begin(a.id(), step, start.isBefore(now) ? now : start, Duration.ofMillis(a.timeoutMs()),
                    Duration.ofMillis(Math.max(10, a.intervalMs())));
        } else if (m instanceof ControlMessage.Ask a) {
            if (a.id() == 0) {
                note("the peer asked us to send " + io.natprobe.report.Plural.of(a.count(), "probe") + " to it now");
                for (int i = 0; i < Math.min(a.count(), 100); i++) {
                    targets().forEach(t -> probe(0, t, "asked"));
                }
            } else if (current != null && current.id == a.id() && !current.ended) {
                note("the peer opened its hole and asks us to send now (article's step 2)");
                current.askCount = a.count();
                current.tick(now, targets(), selfHint, peerHint, random, probes);
            }
        } else if (m instanceof ControlMessage.Result r) {
            peerResults.put(r.id(), r);
            if (r.connected() && current != null && current.id == r.id() && !current.connected && !current.ended) {
                note("the peer got an answer from us: two-way traffic flowed");
            }
        } else if (m instanceof ControlMessage.Done) {
            peerDone = true;
            peerRunActive = false;
        }
    }

    private void start(PunchOptions o) {
        requirePeer();
        options = o;
        result = null;
        // B may hear A's first attempt before its own start (A does not wait for B's start): keep A's
        // run, which is still going, and follow it to its end.
        boolean joinRunning = role == Role.B && !attempts.isEmpty() && (peerRunActive || (peerDone && !runReported));
        if (!joinRunning) {
            peerDone = false;
            attempts.clear();
            peerResults.clear();
            stepOf.clear();
        }
        Duration longest = o.timeout().plus(Duration.ofSeconds(8)).plus(limits.resultGrace());
        giveUpAt = now.plus(longest.multipliedBy(Math.max(2, PlanStep.of(o).size() + 1)));
        if (role == Role.A) {
            plan = PlanStep.of(o);
            planIndex = 0;
            hintWaitUntil = now.plus(Duration.ofSeconds(2));
            move(PunchState.PUNCHING, "automatic run: " + plan.size() + " attempt(s), " + o.direction() + ", " + o.strategy());
        } else {
            plan = null;
            if (joinRunning) {
                note("automatic run: following A's run, already at attempt " + attempts.size());
            } else {
                move(PunchState.WAITING, "automatic run: waiting for A to start each attempt");
            }
        }
    }

    private void nextStep() {
        if (planIndex >= plan.size()) {
            control(new ControlMessage.Done(attempts.size()), true);
            finish();
            return;
        }
        PlanStep step = plan.get(planIndex++);
        int id = attempts.size() + 1;
        Instant start = now.plus(limits.startLead());
        Duration timeout = timeout(step.strategy());
        long micros = toMicros(start.plus(serverOffset));
        control(new ControlMessage.Attempt(id, step.strategy(), step.first(), micros, (int) timeout.toMillis(),
                (int) options.interval().toMillis()), true);
        begin(id, step, start, timeout, options.interval());
    }

    private Duration timeout(Strategy s) {
        Duration t = options.timeout();
        if (s == Strategy.BIRTHDAY) {
            Duration spray = Duration.ofMillis(1000L * limits.birthdayProbes() / limits.birthdayRate() + 2000);
            return t.compareTo(spray) < 0 ? spray : t;
        }
        return t;
    }

    private void begin(int id, PlanStep step, Instant start, Duration timeout, Duration interval) {
        current = new Attempt(id, step.strategy(), step.first(), role, start, timeout, interval, limits);
        currentStep = step;
        currentEndedAt = null;
        attempts.add(current);
        stepOf.put(id, step);
        if (state != PunchState.CONNECTED) {
            move(PunchState.PUNCHING, "attempt " + id + ": " + step.strategy().name().toLowerCase() + ", " + step.first()
                    + " first");
        } else {
            note("attempt " + id + ": " + step.strategy().name().toLowerCase() + ", " + step.first() + " first");
        }
    }

    private void endCurrent(String why) {
        if (current != null && !current.ended) {
            current.ended = true;
            note("attempt " + current.id + " ended: " + why);
            attemptOver();
        }
    }

    private void attemptOver() {
        currentEndedAt = now;
        control(current.result(), true);
        if (current.extraSockets() > 0) {
            out.add(new PunchAction.CloseExtraSockets(current.connected ? current.socket : 0));
        }
    }

    private void datagram(PunchEvent.Datagram d) {
        Optional<PunchProbe> decoded = PunchProbe.decode(d.data(), d.data().length, key);
        if (decoded.isEmpty() || (role != null && decoded.get().role() == role)) {
            return; // not a probe of this session (or our own, looped back): ignored
        }
        PunchProbe p = decoded.get();
        lastHeard = now;
        lastFrom = d.from();
        Attempt a = current != null && !current.ended ? current : null;
        if (!p.response()) {
            probesHeard++;
            peerSeenFrom = d.from();
            send(d.socket(), d.from(), p.answer(role, d.from()).encode(TransactionId.random(), key),
                    p.kind() == PunchProbe.Kind.KEEPALIVE ? TrafficKind.KEEPALIVE : TrafficKind.PUNCH,
                    p.answer(role, d.from()).summary());
            if (a != null) {
                a.probesHeard++;
                boolean fresh = a.heardFrom == null || !a.heardFrom.equals(d.from());
                a.heardFrom = d.from();
                a.heardSocket = d.socket();
                if (fresh) {
                    if (peerReflexive != null && !d.from().equals(peerReflexive)) {
                        note("the peer's probe came from " + PacketLineFormat.address(d.from()) + ", not "
                                + PacketLineFormat.address(peerReflexive) + " (the address the server saw)");
                    }
                    if (!a.connected) {
                        probe(d.socket(), d.from(), "confirm");
                    }
                }
            }
            return;
        }
        answersHeard++;
        seenAs = p.observed();
        Instant sent = sentAt.get(p.sequence());
        if (sent != null) {
            rtt = Duration.between(sent, now);
            // The smallest sample: a late answer to an early probe (sent before the hole opened) says nothing.
            Attempt last = a != null ? a : attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
            if (last != null && last.connected || a != null) {
                Attempt t = a != null ? a : last;
                t.rtt = t.rtt == null || rtt.compareTo(t.rtt) < 0 ? rtt : t.rtt;
            }
        }
        if (a != null) {
            a.answersHeard++;
            a.seenAs = p.observed();
            if (!a.connected) {
                a.connected = true;
                a.connectedAt = now;
                a.remote = d.from();
                a.socket = d.socket();
                a.ended = true;
                linkSocket = d.socket();
                linkRemote = d.from();
                move(PunchState.CONNECTED, "connected with " + PacketLineFormat.address(d.from()) + " after "
                        + a.connectMs() + " ms (" + a.strategy.name().toLowerCase() + ", " + a.first + " first); the peer saw us as "
                        + PacketLineFormat.address(p.observed()));
                attemptOver();
            }
        } else if (linkRemote == null) {
            linkSocket = d.socket();
            linkRemote = d.from();
            if (state != PunchState.CONNECTED) {
                move(PunchState.CONNECTED, "two-way traffic with " + PacketLineFormat.address(d.from()));
            }
        }
    }

    private void tick() {
        if (current != null && !current.ended) {
            boolean timedOut = current.tick(now, targets(), selfHint, peerHint, random, probes);
            if (timedOut) {
                note("attempt " + current.id + " timed out after " + Duration.between(current.start, now).toMillis()
                        + " ms: no answer to our probes");
                attemptOver();
            } else if (current.ended && currentEndedAt == null) {
                attemptOver(); // skipped at its start
            }
        }
        if (keepalive != null && linkRemote != null && nextKeepalive != null && !now.isBefore(nextKeepalive)) {
            nextKeepalive = now.plus(keepalive);
            probe(linkSocket, linkRemote, PunchProbe.Kind.KEEPALIVE, "keepalive");
        }
        if (options == null || result != null) {
            return;
        }
        if (role == Role.A) {
            boolean hintsReady = peerHint != null || !now.isBefore(hintWaitUntil);
            if (current == null && hintsReady) {
                nextStep();
            } else if (current != null && current.ended && currentEndedAt != null
                    && (peerResults.containsKey(current.id) || !now.isBefore(currentEndedAt.plus(limits.resultGrace())))) {
                if (connectedEitherWay(current)) {
                    while (planIndex < plan.size() && plan.get(planIndex).direction() == currentStep.direction()) {
                        planIndex++; // this direction connected: on to the next one
                    }
                }
                nextStep();
            }
        } else if (peerDone && (current == null || current.ended)) {
            finish();
        }
        if (result == null && giveUpAt != null && !now.isBefore(giveUpAt)) {
            endCurrent("the automatic run took too long");
            finish();
        }
    }

    private boolean connectedEitherWay(Attempt a) {
        ControlMessage.Result peer = peerResults.get(a.id);
        return a.connected || (peer != null && peer.connected());
    }

    private void finish() {
        runReported = true;
        List<Diagnoser.AttemptView> views = new ArrayList<>();
        for (Attempt a : attempts) {
            views.add(new Diagnoser.AttemptView(a, stepOf.get(a.id), peerResults.get(a.id)));
        }
        result = new Diagnoser(role, local, mapped, selfHint, peerReflexive, peerHint, peerLocals, List.copyOf(icmpFrom))
                .result(views, rtt);
        move(result.connected() ? PunchState.CONNECTED : PunchState.FAILED, (result.connected() ? "connected: " : "failed: ")
                + result.diagnosis().summary());
        out.add(new PunchAction.Finished(result));
    }

    private void reset() {
        current = null;
        options = null;
        plan = null;
        result = null;
        attempts.clear();
        peerResults.clear();
        linkRemote = null;
        lastSent = null;
        lastHeard = null;
        peerSeenFrom = null;
        probesHeard = 0;
        answersHeard = 0;
        icmpErrors = 0;
        icmpFrom.clear();
        out.add(new PunchAction.CloseExtraSockets(0));
        move(peerReflexive != null ? PunchState.PEER_KNOWN : role != null ? PunchState.REGISTERED : PunchState.IDLE,
                "reset: holes and counters forgotten, session kept");
    }

    /** Where the peer can be reached: its public address, plus its local ones when we share its public IP. */
    List<InetSocketAddress> targets() {
        List<InetSocketAddress> t = new ArrayList<>();
        t.add(peerReflexive);
        if (mapped != null && peerReflexive.getAddress().equals(mapped.getAddress())) {
            for (InetSocketAddress l : peerLocals) {
                if (!l.equals(local) && !t.contains(l)) {
                    t.add(l);
                }
            }
        }
        return t;
    }

    private void requirePeer() {
        if (peerReflexive == null) {
            throw new IllegalStateException("no peer yet");
        }
    }

    private final Attempt.Probes probes = new Attempt.Probes() {
        @Override
        public void probe(int socket, InetSocketAddress to, String why) {
            PunchSession.this.probe(socket, to, PunchProbe.Kind.PUNCH, why);
        }

        @Override
        public void control(ControlMessage m) {
            PunchSession.this.control(m, true);
        }

        @Override
        public void openSockets(int count) {
            out.add(new PunchAction.OpenSockets(count));
        }

        @Override
        public void note(String text) {
            PunchSession.this.note(text);
        }
    };

    private void probe(int socket, InetSocketAddress to, String why) {
        probe(socket, to, PunchProbe.Kind.PUNCH, why);
    }

    private void probe(int socket, InetSocketAddress to, PunchProbe.Kind kind, String why) {
        int seq = ++sequence;
        PunchProbe p = PunchProbe.request(role, seq, kind);
        sentAt.put(seq, now);
        if (current != null && !current.ended) {
            current.probesSent++;
        }
        lastSent = now;
        send(socket, to, p.encode(TransactionId.random(), key),
                kind == PunchProbe.Kind.KEEPALIVE ? TrafficKind.KEEPALIVE : TrafficKind.PUNCH, p.summary() + " (" + why + ")");
    }

    private void send(int socket, InetSocketAddress to, byte[] data, TrafficKind kind, String summary) {
        out.add(new PunchAction.Send(socket, to, data, kind, summary));
    }

    private void control(ControlMessage m, boolean outgoing) {
        out.add(new PunchAction.SendControl(m));
    }

    private void note(String text) {
        out.add(new PunchAction.Note(text));
    }

    private void move(PunchState next, String why) {
        state = next;
        out.add(new PunchAction.Note(next + ": " + why));
    }

    private static long toMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    /** When the session next wants a {@link PunchEvent.Tick} (null: only when something arrives). */
    public synchronized Instant nextWake() {
        Instant w = current == null ? null : current.wake();
        w = earliest(w, keepalive != null && linkRemote != null ? nextKeepalive : null);
        if (options != null && result == null) {
            w = earliest(w, giveUpAt);
            if (role == Role.A) {
                w = earliest(w, current == null ? hintWaitUntil
                        : currentEndedAt != null ? currentEndedAt.plus(limits.resultGrace()) : null);
            }
        }
        return w;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    // ---- read-only views for the driver and PeerLink.status() ----

    public synchronized PunchState state() {
        return state;
    }

    public synchronized Role role() {
        return role;
    }

    public synchronized InetSocketAddress mapped() {
        return mapped;
    }

    public synchronized InetSocketAddress peerReflexive() {
        return peerReflexive;
    }

    public synchronized List<InetSocketAddress> peerLocals() {
        return peerLocals;
    }

    public synchronized InetSocketAddress peerSeenFrom() {
        return peerSeenFrom;
    }

    public synchronized InetSocketAddress seenAs() {
        return seenAs;
    }

    public synchronized Instant lastSent() {
        return lastSent;
    }

    public synchronized Instant lastHeard() {
        return lastHeard;
    }

    public synchronized Duration keepaliveInterval() {
        return keepalive;
    }

    public synchronized Duration rtt() {
        return rtt;
    }

    public synchronized PunchResult result() {
        return result;
    }

    public synchronized NatHint selfHint() {
        return selfHint;
    }

    public synchronized NatHint peerHint() {
        return peerHint;
    }

    public synchronized InetSocketAddress linkRemote() {
        return linkRemote;
    }

    public synchronized int linkSocket() {
        return linkSocket;
    }

    /** The shell's counters: probes and answers heard so far, ICMP errors, and the last source. */
    public synchronized int[] counters() {
        return new int[] {probesHeard, answersHeard, icmpErrors};
    }

    public synchronized InetSocketAddress lastFrom() {
        return lastFrom;
    }
}
