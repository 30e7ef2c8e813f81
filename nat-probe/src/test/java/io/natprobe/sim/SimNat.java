package io.natprobe.sim;

import io.natprobe.sim.NatBehaviour.Allocation;
import io.natprobe.sim.NatBehaviour.Filtering;
import io.natprobe.sim.NatBehaviour.Mapping;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A NAT (or, with {@link Mapping#NONE}, a stateful firewall that does not translate) in the RFC 4787
 * model: bindings keyed by mapping behaviour, inbound packets checked by filtering behaviour, bindings
 * expiring after a timeout that Linux-like grows once replies were seen for long enough.
 */
public final class SimNat {

    /** One binding (RFC 4787 §3): internal endpoint <-> external port, with what it has talked to. */
    public static final class Binding {
        final Object key;
        public final InetSocketAddress internal;
        public final int externalPort;
        final Instant created;
        Instant expires;
        boolean seenReply;
        final Set<InetAddress> sentToIps = new HashSet<>();
        final Set<InetSocketAddress> sentTo = new HashSet<>();

        Binding(Object key, InetSocketAddress internal, int externalPort, Instant created) {
            this.key = key;
            this.internal = internal;
            this.externalPort = externalPort;
            this.created = created;
        }
    }

    private final SimNetwork net;
    private final SimNetwork.Realm outside;
    final InetAddress external;
    private final NatBehaviour b;
    SimNetwork.Realm inside;
    private final Map<Object, Binding> byKey = new HashMap<>();
    private final Map<Integer, Binding> byPort = new HashMap<>();
    private int nextSequential = 40_000;
    private int dropped;
    private final List<Integer> allocated = new ArrayList<>();
    private Inbound inboundPolicy = Inbound.DROP;
    private final Map<List<Object>, Binding> replies = new HashMap<>();
    /** Linux conntrack entries the router's own stack confirmed for unsolicited packets: "port remote" -> expiry. */
    private final Map<List<Object>, Instant> localState = new HashMap<>();
    private int icmpSent;

    /**
     * What the router does with an unsolicited packet to its public address that no binding lets in
     * (NAT-FACTS "What breaks hole punching"): KERNEL delivers it to the router's own stack, which
     * confirms a conntrack entry (a later outbound flow whose SNAT tuple clashes with it gets another
     * public port) and answers ICMP port-unreachable; DROP drops it silently; REJECT answers ICMP
     * without keeping state.
     */
    public enum Inbound { KERNEL, DROP, REJECT }

    public SimNat inbound(Inbound policy) {
        this.inboundPolicy = policy;
        return this;
    }

    /** ICMP port-unreachable errors this router sent. */
    public int icmpSent() {
        return icmpSent;
    }

    SimNat(SimNetwork net, SimNetwork.Realm outside, InetAddress external, NatBehaviour behaviour) {
        this.net = net;
        this.outside = outside;
        this.external = external;
        this.b = behaviour;
    }

    public InetAddress external() {
        return external;
    }

    public NatBehaviour behaviour() {
        return b;
    }

    /** Packets this NAT dropped (filtered, expired, blocked, no hairpin). */
    public int dropped() {
        return dropped;
    }

    /** External ports in the order they were allocated. */
    public List<Integer> allocatedPorts() {
        return List.copyOf(allocated);
    }

    public int liveBindings() {
        Instant now = net.clock().instant();
        return (int) byPort.values().stream().filter(x -> now.isBefore(x.expires)).count();
    }

    /** A packet from the inside realm leaving (or hairpinning back). */
    void outbound(Packet p) {
        if (b.blockUdp()) {
            dropped++;
            return;
        }
        Instant now = net.clock().instant();
        Binding replyTo = replies.get(List.of(p.from(), p.to()));
        Binding binding = replyTo != null && now.isBefore(replyTo.expires) ? replyTo : bindingFor(p.from(), p.to(), now);
        Instant clash = localState.get(List.of(binding.externalPort, p.to()));
        if (clash != null && now.isBefore(clash) && b.mapping() != Mapping.NONE) {
            // Linux nf_nat: the SNAT tuple would equal the reply tuple of the router's own entry for
            // this remote, so this flow gets another public port (NAT-FACTS, the router-state pitfall).
            binding = clashBinding(p.from(), p.to(), now);
        }
        binding.sentToIps.add(p.to().getAddress());
        binding.sentTo.add(p.to());
        refresh(binding, now);
        InetSocketAddress ext = new InetSocketAddress(external, binding.externalPort);
        Packet translated = p.withFrom(ext);
        if (p.to().getAddress().equals(external) && b.mapping() != Mapping.NONE) {
            // RFC 4787 §6: hairpinning; the looped packet carries the external source. Like Linux (a DNAT in
            // prerouting on the LAN side, see NAT-FACTS), it is not subject to the WAN-side filtering.
            if (!b.hairpin()) {
                dropped++;
                return;
            }
            Binding target = byPort.get(p.to().getPort());
            if (target == null || !now.isBefore(target.expires)) {
                dropped++;
                return;
            }
            net.send(inside, translated.withTo(target.internal));
            return;
        }
        net.send(outside, translated);
    }

    /** A packet from outside addressed to our external address. */
    void inbound(Packet p) {
        if (b.blockUdp()) {
            dropped++;
            return;
        }
        Instant now = net.clock().instant();
        Binding binding = byPort.get(p.to().getPort());
        if (binding == null || !now.isBefore(binding.expires)) {
            unsolicited(p, now);
            return;
        }
        boolean allowed = switch (b.filtering()) {
            case NONE, ENDPOINT_INDEPENDENT -> true;
            case ADDRESS_DEPENDENT -> binding.sentToIps.contains(p.from().getAddress());
            case ADDRESS_AND_PORT_DEPENDENT -> binding.sentTo.contains(p.from());
        };
        if (!allowed) {
            unsolicited(p, now);
            return;
        }
        if (p.isIcmp()) {
            net.send(inside, p.withTo(binding.internal)); // RELATED: forwarded, the entry survives (NAT-FACTS)
            return;
        }
        binding.seenReply = true;
        refresh(binding, now);
        // Conntrack: the inside host's answer to this remote belongs to the same flow and leaves from
        // the same public port, whatever the mapping behaviour would pick for a new flow.
        replies.put(List.of(binding.internal, p.from()), binding);
        net.send(inside, p.withTo(binding.internal));
    }

    private void unsolicited(Packet p, Instant now) {
        dropped++;
        if (p.isIcmp() || inboundPolicy == Inbound.DROP) {
            return;
        }
        if (inboundPolicy == Inbound.KERNEL) {
            localState.put(List.of(p.to().getPort(), p.from()), now.plus(b.udpTimeout()));
        }
        icmpSent++;
        net.send(outside, new Packet(p.to(), p.from(), Packet.ICMP_PORT_UNREACHABLE));
    }

    private Binding clashBinding(InetSocketAddress internal, InetSocketAddress dst, Instant now) {
        Object key = List.of("clash", internal, dst);
        Binding x = byKey.get(key);
        if (x != null && now.isBefore(x.expires)) {
            return x;
        }
        int port;
        do {
            port = 1024 + net.random().nextInt(65536 - 1024);
        } while (byPort.containsKey(port));
        x = new Binding(key, internal, port, now);
        x.expires = now.plus(b.udpTimeout());
        byKey.put(key, x);
        byPort.put(port, x);
        allocated.add(port);
        return x;
    }

    // Linux nf_conntrack_proto_udp.c: once a reply was seen and the flow is older than 2 s, every packet
    // refreshes it with the stream timeout; before that, with the (short) unreplied timeout.
    private void refresh(Binding x, Instant now) {
        boolean stream = x.seenReply && now.isAfter(x.created.plus(b.streamAfter()));
        x.expires = now.plus(stream ? b.streamTimeout() : b.udpTimeout());
    }

    private Binding bindingFor(InetSocketAddress internal, InetSocketAddress dst, Instant now) {
        Object key = switch (b.mapping()) {
            case NONE, ENDPOINT_INDEPENDENT -> internal;
            case ADDRESS_DEPENDENT -> List.of(internal, dst.getAddress());
            case ADDRESS_AND_PORT_DEPENDENT -> List.of(internal, dst);
        };
        Binding x = byKey.get(key);
        if (x != null && now.isBefore(x.expires)) return x;
        if (x != null) {
            byKey.remove(key);
            byPort.remove(x.externalPort);
        }
        int port = b.mapping() == Mapping.NONE ? internal.getPort() : allocate(internal.getPort(), now);
        x = new Binding(key, internal, port, now);
        x.expires = now.plus(b.udpTimeout());
        byKey.put(key, x);
        byPort.put(port, x);
        allocated.add(port);
        return x;
    }

    private int allocate(int internalPort, Instant now) {
        byPort.values().removeIf(x -> !now.isBefore(x.expires) && byKey.remove(x.key) != null);
        if (b.allocation() == Allocation.PRESERVING && !byPort.containsKey(internalPort)) return internalPort;
        if (b.allocation() == Allocation.RANDOM) {
            while (true) {
                int p = 1024 + net.random().nextInt(65536 - 1024);
                if (!byPort.containsKey(p)) return p;
            }
        }
        // SEQUENTIAL, and PRESERVING's fallback when the port is taken.
        while (true) {
            int p = nextSequential;
            nextSequential += Math.max(1, b.portDelta());
            if (nextSequential > 65535) nextSequential = 40_000;
            if (!byPort.containsKey(p)) return p;
        }
    }
}
