package io.natprobe.punch;

import io.natprobe.punch.PunchOptions.Strategy;
import io.natprobe.rendezvous.Role;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One attempt (a strategy in a direction) on one side: when to send which probe, and what happened.
 * Sans I/O: {@link #tick} sends through {@link Probes}, which the session implements.
 */
final class Attempt {

    /** How the attempt reaches the network (implemented by {@link PunchSession}). */
    interface Probes {
        void probe(int socket, InetSocketAddress to, String why);

        void control(ControlMessage m);

        void openSockets(int count);

        void note(String text);
    }

    final int id;
    final Strategy strategy;
    final Role first;
    final Role me;
    final Instant start;
    final Instant deadline;
    final Duration interval;
    final PunchLimits limits;

    boolean ended;
    boolean connected;
    Instant connectedAt;
    InetSocketAddress remote;
    int socket;
    InetSocketAddress heardFrom;
    int heardSocket;
    InetSocketAddress seenAs;
    int probesSent;
    int icmpErrors;
    int probesHeard;
    int answersHeard;
    /** Smallest round trip of a probe and its answer in this attempt (null: no answer). */
    Duration rtt;
    /** Why prediction did not run (null when it ran or is not a prediction attempt). */
    String skipped;

    private Instant nextSend;
    private int opened;
    private boolean asked;
    int askCount;
    private boolean began;
    // prediction
    Role sprayer;
    private int extraSockets;
    private int predicted;
    private int rounds;
    private final Set<Integer> sprayed = new HashSet<>();

    Attempt(int id, Strategy strategy, Role first, Role me, Instant start, Duration timeout, Duration interval,
            PunchLimits limits) {
        this.id = id;
        this.strategy = strategy;
        this.first = first;
        this.me = me;
        this.start = start;
        this.deadline = start.plus(timeout);
        this.interval = interval;
        this.limits = limits;
        this.nextSend = start;
    }

    boolean meFirst() {
        return me == first;
    }

    /** When this attempt next wants to run (null when ended). */
    Instant wake() {
        if (ended) {
            return null;
        }
        return nextSend.isBefore(deadline) ? nextSend : deadline;
    }

    /**
     * Sends what is due at {@code now} toward the peer's {@code targets} (its public address first,
     * then the local ones it reported). Returns true when the attempt just timed out.
     */
    boolean tick(Instant now, List<InetSocketAddress> targets, NatHint mine, NatHint peers, RandomGenerator random,
                 Probes out) {
        if (ended) {
            return false;
        }
        if (!now.isBefore(deadline)) {
            ended = true;
            return true;
        }
        if (now.isBefore(nextSend)) {
            return false;
        }
        if (!began) {
            began = true;
            begin(mine, peers, out);
            if (ended) {
                return false;
            }
        }
        if (heardFrom != null && !connected) {
            // The peer's probe got in: confirm toward where it really came from until it answers.
            out.probe(heardSocket, heardFrom, "confirm");
        }
        switch (strategy) {
            case STEPWISE -> stepwise(targets, out);
            case SIMULTANEOUS -> everyone(targets, out);
            case PREDICT -> predict(targets, peers, out);
            case BIRTHDAY -> birthday(targets, random, out);
            default -> throw new IllegalStateException("not an attempt strategy: " + strategy);
        }
        nextSend = now.plus(strategy == Strategy.BIRTHDAY && sprayer == me ? Duration.ofMillis(20) : interval);
        return false;
    }

    private void begin(NatHint mine, NatHint peers, Probes out) {
        if (strategy != Strategy.PREDICT && strategy != Strategy.BIRTHDAY) {
            return;
        }
        // Port prediction only helps when exactly one side's NAT changes its port per destination:
        // the other side (whose port is stable) guesses, only ever toward the peer's own address.
        boolean meVaries = mine.dependentMapping();
        boolean peerVaries = peers != null && peers.dependentMapping();
        if (meVaries == peerVaries) {
            skipped = meVaries ? "both NATs change the port per destination: guessing both at once is out of bounds"
                    : (mine.mappingVaries() == null || peers == null || peers.mappingVaries() == null)
                            ? "the NAT check could not tell whose mapping changes (the server has no second address?)"
                            : "neither NAT changes the port per destination: nothing to predict";
            out.note(strategy.name().toLowerCase() + " skipped: " + skipped);
            ended = true;
            return;
        }
        sprayer = meVaries ? me.other() : me;
        if (strategy == Strategy.BIRTHDAY && sprayer != me) {
            extraSockets = limits.birthdaySockets();
            out.openSockets(extraSockets);
            out.note("birthday: opened " + extraSockets + " sockets, each sending to the peer's public address");
        }
    }

    private void stepwise(List<InetSocketAddress> targets, Probes out) {
        if (meFirst()) {
            if (opened < limits.openProbes()) {
                opened++;
                targets.forEach(t -> out.probe(0, t, "open"));
                if (opened == limits.openProbes() && !asked) {
                    asked = true;
                    out.control(new ControlMessage.Ask(id, limits.openProbes()));
                    out.note("asked the peer (through the server) to send to our public address now");
                }
            }
        } else if (askCount > 0 && !connected) {
            targets.forEach(t -> out.probe(0, t, "punch"));
        }
    }

    private void everyone(List<InetSocketAddress> targets, Probes out) {
        if (!connected) {
            targets.forEach(t -> out.probe(0, t, "punch"));
        }
    }

    private void predict(List<InetSocketAddress> targets, NatHint peers, Probes out) {
        if (connected) {
            return;
        }
        InetSocketAddress peer = targets.get(0);
        if (sprayer != me) {
            out.probe(0, peer, "punch");
            return;
        }
        int delta = peers.delta();
        // RFC 4787 §4.1 "port preservation"/sequential allocation: the next bindings land at +delta, +2delta...
        for (int k = 0; k <= limits.predictWindow() && predicted < limits.predictProbes(); k++) {
            int port = peer.getPort() + k * delta;
            if (port > 0xFFFF) {
                break;
            }
            predicted++;
            out.probe(0, new InetSocketAddress(peer.getAddress(), port), "predicted port");
        }
    }

    private void birthday(List<InetSocketAddress> targets, RandomGenerator random, Probes out) {
        if (connected) {
            return;
        }
        InetSocketAddress peer = targets.get(0);
        if (sprayer != me) {
            // Each socket's first probe makes its binding; later rounds (every 10th tick) only keep it alive.
            if (rounds++ % 10 == 0) {
                for (int s = 1; s <= extraSockets; s++) {
                    out.probe(s, peer, "birthday");
                }
            }
            out.probe(0, peer, "punch");
            return;
        }
        int perTick = Math.max(1, limits.birthdayRate() / 50);
        for (int i = 0; i < perTick && sprayed.size() < limits.birthdayProbes(); i++) {
            int port;
            do {
                port = 1024 + random.nextInt(65536 - 1024);
            } while (!sprayed.add(port));
            out.probe(0, new InetSocketAddress(peer.getAddress(), port), "birthday guess");
        }
    }

    /** Birthday sockets to close once over. */
    int extraSockets() {
        return extraSockets;
    }

    long connectMs() {
        return connectedAt == null ? -1 : Duration.between(start, connectedAt).toMillis();
    }

    ControlMessage.Result result() {
        return new ControlMessage.Result(id, connected, heardFrom, seenAs, probesSent, icmpErrors, connectMs());
    }
}
