package io.natprobe.lifetime;

import io.natprobe.net.Action;
import io.natprobe.net.Outcome;
import io.natprobe.net.Plan;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * RFC 5780 §4.6 binding lifetime, measured in parallel, as a sans-I/O plan.
 *
 * <p>A binding can be tested for life only once: the test packet itself refreshes it. So instead of
 * a sequential search (each step waiting out a timeout) many bindings are created together, one per
 * delay d = step, 2*step, ... max, and binding d is probed once, d seconds after its last packet: the
 * prober socket sends a Binding request with RESPONSE-PORT = that binding's public port, and the
 * server's answer reaches the binding's socket only if the NAT still holds it. The whole measurement
 * takes about as long as the lifetime itself. Ports are never compared (NAT-FACTS: a port-preserving
 * NAT hands out the same port again after expiry).
 *
 * <p>Two kinds of binding: "single exchange" (one request and response) and "sustained" (an exchange
 * every second for {@link #SUSTAIN} seconds: Linux conntrack switches a UDP flow that saw replies
 * and is older than 2 s to its longer stream timeout, nf_conntrack_proto_udp.c).
 *
 * <p>RESPONSE-PORT is sent in its 2-byte form (RFC 5780 §7.5; stuntman ignores the 4-byte form that
 * coturn's client sends). A first check confirms the server honours it: an answer on the prober's own
 * socket means it was ignored, and the measurement stops with that explanation.
 */
public final class LifetimePlan implements Plan<LifetimeResult> {

    static final Duration SUSTAIN = Duration.ofSeconds(3);
    /** Bindings created per batch, and the time between batches (400 new bindings per second). */
    static final int BATCH = 20;
    static final Duration BATCH_INTERVAL = Duration.ofMillis(50);
    private static final int PROBER = 0;
    private static final int CHECK = 1;
    private static final int SINGLE_BASE = 10_000;
    private static final int SUSTAINED_BASE = 20_000;

    /** One kind of binding being measured: its bindings per delay and their results. */
    private final class Series {
        final String name;
        final int base;
        final boolean sustained;
        final TreeMap<Integer, Instant> lastPacket = new TreeMap<>();
        final TreeMap<Integer, Integer> mappedPort = new TreeMap<>();
        final TreeMap<Integer, Integer> exchangesLeft = new TreeMap<>();
        final TreeMap<Integer, Boolean> alive = new TreeMap<>();
        final java.util.Set<Integer> skipped = new java.util.HashSet<>();

        Series(String name, int base, boolean sustained) {
            this.name = name;
            this.base = base;
            this.sustained = sustained;
        }

        int lower() {
            return alive.entrySet().stream().filter(e -> e.getValue()).mapToInt(e -> e.getKey()).max().orElse(0);
        }

        Integer upper() {
            int lo = lower();
            return alive.entrySet().stream().filter(e -> !e.getValue() && e.getKey() > lo)
                    .map(e -> e.getKey()).findFirst().orElse(null);
        }

        /** Finished: every delay resolved, or two expired delays in a row with everything below them resolved. */
        boolean finished() {
            int resolvedBelow = 0;
            for (int d = step; d <= max; d += step) {
                if (skipped.contains(d)) continue;
                Boolean a = alive.get(d);
                if (a == null) return false;
                if (!a && (d == max || Boolean.FALSE.equals(alive.get(d + step)))) return true;
                resolvedBelow++;
            }
            return resolvedBelow > 0;
        }

        LifetimeBound bound() {
            if (alive.isEmpty()) return null;
            Integer up = upper();
            return up == null ? LifetimeBound.atLeast(lower()) : LifetimeBound.between(lower(), up);
        }
    }

    private final InetSocketAddress server;
    private final int max;
    private final int step;
    private final Consumer<LifetimeProgress> progress;
    private final Deque<Action<LifetimeResult>> queue = new ArrayDeque<>();
    private final Series single = new Series("single-exchange", SINGLE_BASE, false);
    private final Series sustained = new Series("sustained", SUSTAINED_BASE, true);
    private final List<String> warnings = new ArrayList<>();
    private final TreeMap<Instant, List<Runnable>> timers = new TreeMap<>();
    private Instant start;
    private Instant now;
    private InetSocketAddress proberMapped;
    private InetSocketAddress checkMapped;
    private final java.util.Map<String, Integer> probeTargets = new java.util.HashMap<>();
    private boolean checked;
    private int responsePortLength = 2;
    private boolean aborted;
    private int running;

    /**
     * @param maxSeconds longest idle time tried (1..3600)
     * @param stepSeconds resolution (1 s by default)
     */
    public LifetimePlan(InetSocketAddress server, int maxSeconds, int stepSeconds, Consumer<LifetimeProgress> progress) {
        if (maxSeconds < 1 || maxSeconds > 3600) throw new IllegalArgumentException("maxSeconds out of range (expected: 1..3600): " + maxSeconds);
        if (stepSeconds < 1 || stepSeconds > maxSeconds) throw new IllegalArgumentException("stepSeconds out of range (expected: 1.." + maxSeconds + "): " + stepSeconds);
        this.server = server;
        this.max = maxSeconds - maxSeconds % stepSeconds;
        this.step = stepSeconds;
        this.progress = progress == null ? p -> { } : progress;
    }

    @Override
    public Action<LifetimeResult> next(Instant t) {
        now = t;
        if (start == null) {
            start = t;
            send("prober", PROBER, StunMessage.bindingRequest(), false);
            send("responseport-check binding", CHECK, StunMessage.bindingRequest(), true);
            // Bindings are created in paced batches (a server with a per-source rate budget must not see
            // hundreds of requests at once); each binding's delay counts from its own last packet, so pacing
            // costs only the spread of the batches. Shortest delays first: they decide the early stop.
            int n = 0;
            for (int d = step; d <= max; d += step) {
                for (Series s : List.of(single, sustained)) {
                    int delay = d;
                    s.exchangesLeft.put(d, s.sustained ? (int) SUSTAIN.toSeconds() + 1 : 1);
                    Runnable create = () -> {
                        if (!s.finished() && !aborted) {
                            send(s.name + " binding " + delay + "s #1", s.base + delay, StunMessage.bindingRequest(), true);
                        }
                    };
                    if (n < BATCH) create.run();
                    else at(t.plus(BATCH_INTERVAL.multipliedBy(n / BATCH)), create);
                    n++;
                }
            }
        }
        while (!timers.isEmpty() && !timers.firstKey().isAfter(t)) {
            timers.pollFirstEntry().getValue().forEach(Runnable::run);
        }
        if (!queue.isEmpty()) return queue.poll();
        boolean finished = aborted || (single.finished() && sustained.finished());
        if (finished || (running == 0 && timers.isEmpty())) {
            return new Action.Done<>(result(t));
        }
        return new Action.WaitUntil<>(timers.isEmpty() ? Instant.MAX : timers.firstKey());
    }

    @Override
    public void observe(Outcome o) {
        running--;
        String label = o.exchange().label();
        int socket = o.exchange().socket();
        Instant at = o instanceof Outcome.Answered a ? a.at() : ((Outcome.TimedOut) o).at();
        if (label.equals("prober")) {
            proberMapped = mapped(o);
            if (proberMapped == null) abort("The server " + str(server) + " did not answer; nothing was measured.");
        } else if (label.equals("responseport-check binding")) {
            InetSocketAddress m = mapped(o);
            checkMapped = m;
            if (m == null) abort("The server did not answer the first binding; nothing was measured.");
            else at(at, () -> sendProbe("responseport-check", m.getPort()));
        } else if (label.startsWith("responseport-check")) {
            checkResponsePort(o);
        } else {
            Integer target = probeTargets.remove(label);
            int t = target != null ? target : socket;
            Series s = t >= SUSTAINED_BASE ? sustained : single;
            int d = t - s.base;
            if (target != null) {
                onProbe(s, d, o);
            } else {
                onExchange(s, d, o, at);
            }
        }
        progress.accept(progress(at));
    }

    private void checkResponsePort(Outcome o) {
        if (o instanceof Outcome.Answered a && a.message().stunClass() == StunClass.ERROR_RESPONSE) {
            abort("The server refused RESPONSE-PORT (" + a.message().get(Attribute.ErrorCode.class)
                    .map(e -> e.code() + " " + e.reason()).orElse("error") + "): it does not support RFC 5780 §4.6, "
                    + "so binding lifetimes cannot be measured with it.");
        } else if (o instanceof Outcome.Answered a && a.receivedOn() == PROBER && responsePortLength == 2 && checkMapped != null) {
            // NAT-FACTS: servers disagree on RESPONSE-PORT's length (RFC 5780 §7.5 draws 2 bytes, coturn's
            // client writes 4); try the other form once before giving up.
            responsePortLength = 4;
            int port = checkMapped.getPort();
            sendProbe("responseport-check (4-byte form)", port);
        } else if (o instanceof Outcome.Answered a && a.receivedOn() == PROBER) {
            abort("The server ignored RESPONSE-PORT in both its 2-byte and 4-byte forms (its answer came back to the "
                    + "asking socket, not to the port named), so binding lifetimes cannot be measured with it.");
        } else if (o instanceof Outcome.TimedOut) {
            abort("A RESPONSE-PORT request to a binding that was just used got no answer: the server does not "
                    + "honour RESPONSE-PORT, or the NAT sends the answer elsewhere; nothing was measured.");
        } else {
            checked = true;
            if (responsePortLength == 4) {
                warnings.add("The server ignored RESPONSE-PORT in the 2-byte form of RFC 5780 §7.5 and honoured the "
                        + "4-byte form; the 4-byte form was used.");
            }
            // RESPONSE-PORT carries only a port: the answer goes to the prober's public IP. A NAT that gives
            // different sockets different public IPs ("arbitrary" pooling, RFC 4787 §4.1) breaks the method.
            if (proberMapped != null && checkMapped != null && !proberMapped.getAddress().equals(checkMapped.getAddress())) {
                warnings.add("The NAT used different public IP addresses for different sockets ("
                        + proberMapped.getAddress().getHostAddress() + ", " + checkMapped.getAddress().getHostAddress()
                        + "); bindings on another address than the prober's look expired.");
            }
        }
    }

    private void onExchange(Series s, int d, Outcome o, Instant at) {
        InetSocketAddress m = mapped(o);
        if (m == null) {
            // A binding that could not be set up is dropped from the series (not counted as expired).
            s.exchangesLeft.remove(d);
            close(s.base + d);
            s.skipped.add(d);
            return;
        }
        s.mappedPort.put(d, m.getPort());
        int left = s.exchangesLeft.merge(d, -1, Integer::sum);
        if (left > 0) {
            int n = (int) SUSTAIN.toSeconds() + 2 - left;
            at(at.plusSeconds(1), () -> {
                if (!s.finished() && !aborted) send(s.name + " binding " + d + "s #" + n, s.base + d, StunMessage.bindingRequest(), true);
            });
            return;
        }
        s.lastPacket.put(d, at);
        at(at.plusSeconds(d), () -> {
            if (!s.finished() && !aborted) {
                probeTargets.put(s.name + " probe " + d + "s", s.base + d);
                sendProbe(s.name + " probe " + d + "s", s.mappedPort.get(d));
            }
        });
    }

    private void onProbe(Series s, int d, Outcome o) {
        boolean arrived = o instanceof Outcome.Answered a && a.receivedOn() == s.base + d;
        if (o instanceof Outcome.Answered a && a.receivedOn() == PROBER) {
            abort("The server stopped honouring RESPONSE-PORT (an answer came back to the asking socket).");
            return;
        }
        s.alive.put(d, arrived);
        close(s.base + d);
        if (s.finished()) {
            for (int other = step; other <= max; other += step) {
                if (!s.alive.containsKey(other)) close(s.base + other);
            }
        }
    }

    private void sendProbe(String label, int port) {
        if (aborted) return;
        // RFC 5780 §7.5: the 2-byte form unless the check showed the server wants 4; the answer goes to our
        // public IP at that port.
        send(label, PROBER, StunMessage.bindingRequest(new Attribute.ResponsePort(port, responsePortLength)), false);
    }

    private void send(String label, int socket, StunMessage m, boolean connected) {
        running++;
        queue.add(new Action.Send<>(label, socket, server, m, connected));
    }

    private void close(int socket) {
        queue.add(new Action.Close<>(socket));
    }

    private void at(Instant t, Runnable r) {
        timers.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
    }

    private void abort(String why) {
        if (aborted) return;
        aborted = true;
        warnings.add(why);
        timers.clear();
    }

    /** The current bounds, for a progress display. */
    public LifetimeProgress progress(Instant t) {
        long elapsed = start == null ? 0 : Duration.between(start, t).toSeconds();
        return new LifetimeProgress(elapsed, max, single.lower(), single.upper(), single.finished(),
                sustained.lower(), sustained.upper(), sustained.finished());
    }

    private LifetimeResult result(Instant t) {
        for (Series s : List.of(single, sustained)) {
            if (!s.skipped.isEmpty() && !aborted) {
                warnings.add(s.skipped.size() + " " + s.name + (s.skipped.size() == 1 ? " binding" : " bindings") + " could not be set up (no answer from the "
                        + "server); those delays were skipped: " + new java.util.TreeSet<>(s.skipped));
            }
            int lo = s.lower();
            long inconsistent = s.alive.entrySet().stream().filter(e -> !e.getValue() && e.getKey() < lo).count();
            if (inconsistent > 0 && !aborted) {
                warnings.add("The " + s.name + " series had " + inconsistent + (inconsistent == 1 ? " probe" : " probes") + " lost below the longest surviving "
                        + "binding (packet loss); the bounds use the longest survivor.");
            }
        }
        LifetimeBound a = aborted && !checked ? null : single.bound();
        LifetimeBound b = aborted && !checked ? null : sustained.bound();
        return new LifetimeResult(a, b, max, warnings, Duration.between(start, t).toMillis(), List.of());
    }

    private static InetSocketAddress mapped(Outcome o) {
        if (!(o instanceof Outcome.Answered a) || a.message().stunClass() != StunClass.SUCCESS_RESPONSE) return null;
        return a.message().get(Attribute.XorMappedAddress.class).map(Attribute.XorMappedAddress::address)
                .or(() -> a.message().get(Attribute.MappedAddress.class).map(Attribute.MappedAddress::address))
                .orElse(null);
    }

    private static String str(InetSocketAddress a) {
        return io.natprobe.net.TransactionRecord.str(a);
    }
}
