package io.natprobe.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * An in-memory UDP network with a fake clock: a public "internet" realm and, behind each
 * {@link SimNat}, a private realm (NATs can nest: a double NAT is a realm behind a realm). Every hop
 * takes {@link #latency()} and loses a packet with probability {@link #loss()}, from a seeded random.
 * Nothing happens until {@link #runUntil} moves the clock.
 */
public final class SimNetwork {

    /** An address space: endpoints bound in it, NATs whose external addresses live in it, the NAT above it. */
    public final class Realm {
        final String name;
        final SimNat upstream;
        final Map<InetSocketAddress, Consumer<Packet>> endpoints = new HashMap<>();
        final Map<InetAddress, SimNat> nats = new HashMap<>();

        Realm(String name, SimNat upstream) {
            this.name = name;
            this.upstream = upstream;
        }

        public SimNetwork network() {
            return SimNetwork.this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Event(Instant at, long seq, Realm realm, Packet packet) {}

    private final FakeClock clock;
    private final Random random;
    private final Realm internet = new Realm("internet", null);
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> {
        int c = a.at.compareTo(b.at);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private long seq;
    private Duration latency = Duration.ofMillis(5);
    private double loss;
    private int lost;
    private int unroutable;

    public SimNetwork(FakeClock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    public FakeClock clock() {
        return clock;
    }

    public Realm internet() {
        return internet;
    }

    public Duration latency() {
        return latency;
    }

    public SimNetwork latency(Duration d) {
        this.latency = d;
        return this;
    }

    public double loss() {
        return loss;
    }

    /** Probability (0..1) that any one hop loses a packet. */
    public SimNetwork loss(double p) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("loss out of range (expected: 0 <= p < 1): " + p);
        this.loss = p;
        return this;
    }

    public int lost() {
        return lost;
    }

    public int unroutable() {
        return unroutable;
    }

    Random random() {
        return random;
    }

    /** Puts a NAT with external address {@code external} into {@code outside}; returns the realm behind it. */
    public Realm addNat(Realm outside, InetAddress external, NatBehaviour behaviour, String name) {
        SimNat nat = new SimNat(this, outside, external, behaviour);
        Realm inside = new Realm(name, nat);
        nat.inside = inside;
        outside.nats.put(external, nat);
        return inside;
    }

    /** The NAT directly above {@code realm}. */
    public SimNat natOf(Realm realm) {
        return realm.upstream;
    }

    public void bind(Realm realm, InetSocketAddress address, Consumer<Packet> receiver) {
        if (realm.endpoints.putIfAbsent(address, receiver) != null) {
            throw new IllegalStateException("address in use in " + realm + ": " + address);
        }
    }

    public boolean isBound(Realm realm, InetSocketAddress address) {
        return realm.endpoints.containsKey(address);
    }

    public void unbind(Realm realm, InetSocketAddress address) {
        realm.endpoints.remove(address);
    }

    /** Sends a packet into {@code realm}; it is routed one hop later. */
    public void send(Realm realm, Packet p) {
        if (loss > 0 && random.nextDouble() < loss) {
            lost++;
            return;
        }
        queue.add(new Event(clock.instant().plus(latency), seq++, realm, p));
    }

    public Optional<Instant> nextEvent() {
        return Optional.ofNullable(queue.peek()).map(Event::at);
    }

    /** Delivers every packet due up to {@code t} (moving the clock along), then sets the clock to {@code t}. */
    public void runUntil(Instant t) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(t)) {
            Event e = queue.poll();
            clock.advanceTo(e.at);
            route(e.realm, e.packet);
        }
        clock.advanceTo(t);
    }

    /** Delivers only the next due event (at most one), if it is due by {@code t}; true if one was delivered. */
    public boolean step(Instant t) {
        if (queue.isEmpty() || queue.peek().at.isAfter(t)) return false;
        Event e = queue.poll();
        clock.advanceTo(e.at);
        route(e.realm, e.packet);
        return true;
    }

    private void route(Realm realm, Packet p) {
        Consumer<Packet> endpoint = realm.endpoints.get(p.to());
        if (endpoint != null) {
            endpoint.accept(p);
            return;
        }
        SimNat below = realm.nats.get(p.to().getAddress());
        if (below != null) {
            below.inbound(p);
            return;
        }
        if (realm.upstream != null) {
            realm.upstream.outbound(p);
            return;
        }
        unroutable++;
    }
}
