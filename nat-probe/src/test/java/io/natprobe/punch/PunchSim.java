package io.natprobe.punch;

import io.natprobe.punch.PunchOptions.Direction;
import io.natprobe.punch.PunchOptions.Strategy;
import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.sim.FakeClock;
import io.natprobe.sim.NatBehaviour;
import io.natprobe.sim.Packet;
import io.natprobe.sim.SimNat;
import io.natprobe.sim.SimNetwork;
import io.natprobe.stun.Credentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Two {@link PunchSession}s behind two simulated NATs with a fake clock: the rendezvous server is
 * played by the harness (it learns each side's public address from a packet to 198.51.100.1:3478,
 * runs the NAT check against a second address, and relays control messages with a delay).
 */
final class PunchSim {
    static final InetSocketAddress SERVER = addr("198.51.100.1", 3478);
    static final InetSocketAddress SERVER_OTHER_PORT = addr("198.51.100.1", 3479);
    static final InetSocketAddress SERVER_OTHER = addr("198.51.100.2", 3479);
    static final Duration RELAY_DELAY = Duration.ofMillis(30);

    final FakeClock clock = new FakeClock();
    final SimNetwork net;
    final Side a;
    final Side b;
    final Credentials key = RendezvousKeys.credentials(SessionCode.parse("4817-orbit-lantern"));
    final PunchLimits limits;
    private final Map<InetSocketAddress, InetSocketAddress> serverSaw = new HashMap<>();
    private final PriorityQueue<Relayed> relay = new PriorityQueue<>((x, y) -> {
        int c = x.at.compareTo(y.at);
        return c != 0 ? c : Long.compare(x.seq, y.seq);
    });
    private long relaySeq;

    private record Relayed(Instant at, long seq, Side to, ControlMessage message) { }

    final class Side {
        final Role role;
        final SimNetwork.Realm realm;
        final SimNat nat;
        final InetAddress ip;
        final Map<Integer, InetSocketAddress> sockets = new HashMap<>();
        final PunchSession session;
        final List<String> notes = new ArrayList<>();
        int icmpSeen;
        int sent;
        PunchResult result;
        InetSocketAddress mapped;
        NatHint hint = NatHint.UNKNOWN;

        Side(Role role, NatBehaviour behaviour, SimNat.Inbound inbound, String publicIp, String privateIp, long seed) {
            this.role = role;
            this.realm = net.addNat(net.internet(), ip(publicIp), behaviour, "lan-" + role);
            this.nat = net.natOf(realm).inbound(inbound);
            this.ip = ip(privateIp);
            this.session = new PunchSession(key, limits, new Random(seed));
            bindSocket(0);
        }

        void bindSocket(int index) {
            InetSocketAddress local = new InetSocketAddress(ip, 5000 + index);
            sockets.put(index, local);
            net.bind(realm, local, p -> {
                if (p.isIcmp()) {
                    icmpSeen++;
                    apply(this, session.onEvent(new PunchEvent.IcmpError(index, p.from()), clock.instant()));
                } else {
                    apply(this, session.onEvent(new PunchEvent.Datagram(index, p.from(), p.data()), clock.instant()));
                }
            });
        }

        Side other() {
            return this == a ? b : a;
        }

        InetSocketAddress local() {
            return sockets.get(0);
        }
    }

    PunchSim(NatBehaviour na, SimNat.Inbound ia, NatBehaviour nb, SimNat.Inbound ib, long seed, PunchLimits limits) {
        this.net = new SimNetwork(clock, seed);
        this.limits = limits;
        for (InetSocketAddress s : List.of(SERVER, SERVER_OTHER_PORT, SERVER_OTHER)) {
            net.bind(net.internet(), s, p -> serverSaw.put(s, p.from()));
        }
        this.a = new Side(Role.A, na, ia, "203.0.113.10", "10.0.1.10", seed + 1);
        this.b = new Side(Role.B, nb, ib, "203.0.113.20", "10.0.2.10", seed + 2);
    }

    PunchSim(NatBehaviour na, NatBehaviour nb, long seed) {
        this(na, SimNat.Inbound.DROP, nb, SimNat.Inbound.DROP, seed, PunchLimits.DEFAULT);
    }

    /** The NAT check (RFC 5780 §4.3/§4.4 against the server's two addresses), registration and the peer exchange. */
    PunchSim register() {
        for (Side s : List.of(a, b)) {
            s.mapped = ask(s, s.local(), SERVER);
            InetSocketAddress other = ask(s, s.local(), SERVER_OTHER);
            // Filtering is tested from a fresh socket: answers the router's own stack took would leave
            // state on the punch socket's public port (NAT-FACTS) and bias the punch.
            InetSocketAddress check = new InetSocketAddress(s.ip, 6000);
            int[] arrived = new int[1];
            net.bind(s.realm, check, p -> arrived[0]++);
            InetSocketAddress checkMapped = ask(s, check, SERVER);
            boolean otherAddress = answered(arrived, checkMapped, SERVER_OTHER);
            boolean otherPort = answered(arrived, checkMapped, SERVER_OTHER_PORT);
            net.unbind(s.realm, check);
            s.hint = NatHint.from(s.mapped, other, otherAddress, otherPort);
        }
        for (Side s : List.of(a, b)) {
            apply(s, s.session.onEvent(new PunchEvent.Registered(s.role, s.local(), s.mapped, s.hint, Duration.ZERO),
                    clock.instant()));
        }
        for (Side s : List.of(a, b)) {
            apply(s, s.session.onEvent(new PunchEvent.PeerKnown(s.other().mapped, List.of(s.other().local())),
                    clock.instant()));
        }
        return this;
    }

    private InetSocketAddress ask(Side s, InetSocketAddress from, InetSocketAddress server) {
        serverSaw.remove(server);
        net.send(s.realm, new Packet(from, server, new byte[] {1}));
        net.runUntil(clock.instant().plus(Duration.ofMillis(50)));
        return serverSaw.get(server);
    }

    private boolean answered(int[] arrived, InetSocketAddress to, InetSocketAddress from) {
        int before = arrived[0];
        net.send(net.internet(), new Packet(from, to, new byte[] {2}));
        net.runUntil(clock.instant().plus(Duration.ofMillis(50)));
        return arrived[0] > before;
    }

    /** Runs both sides' automatic attempt to the end (or {@code limit} of simulated time). */
    PunchSim punch(Strategy strategy, Direction direction, Duration timeout) {
        return punch(strategy, direction, timeout, Duration.ZERO);
    }

    /** As above, B calling its start {@code bLate} after A (A's first attempt may reach B before that). */
    PunchSim punch(Strategy strategy, Direction direction, Duration timeout, Duration bLate) {
        PunchOptions o = new PunchOptions(strategy, direction, timeout, Duration.ofMillis(100));
        apply(a, a.session.onEvent(new PunchEvent.Start(o), clock.instant()));
        Instant bStart = clock.instant().plus(bLate);
        while (clock.instant().isBefore(bStart)) {
            Instant t = earliest(net.nextEvent().orElse(null), a.session.nextWake(), b.session.nextWake(),
                    relay.isEmpty() ? null : relay.peek().at, bStart);
            step(t);
        }
        apply(b, b.session.onEvent(new PunchEvent.Start(o), clock.instant()));
        Instant limit = clock.instant().plus(Duration.ofMinutes(10));
        while ((a.result == null || b.result == null) && clock.instant().isBefore(limit)) {
            Instant t = earliest(net.nextEvent().orElse(null), a.session.nextWake(), b.session.nextWake(),
                    relay.isEmpty() ? null : relay.peek().at);
            if (t == null) {
                break;
            }
            step(t);
        }
        return this;
    }

    private void step(Instant t) {
        {
            if (net.nextEvent().isPresent() && !net.nextEvent().get().isAfter(t)) {
                net.step(t);
                return;
            }
            clock.advanceTo(t);
            while (!relay.isEmpty() && !relay.peek().at.isAfter(t)) {
                Relayed r = relay.poll();
                apply(r.to, r.to.session.onEvent(new PunchEvent.ControlReceived(r.message), clock.instant()));
            }
            for (Side s : List.of(a, b)) {
                Instant w = s.session.nextWake();
                if (w != null && !w.isAfter(t)) {
                    apply(s, s.session.onEvent(new PunchEvent.Tick(), clock.instant()));
                }
            }
        }
    }

    void apply(Side s, List<PunchAction> actions) {
        for (PunchAction x : actions) {
            if (x instanceof PunchAction.Send send) {
                s.sent++;
                InetSocketAddress from = s.sockets.get(send.socket());
                if (from != null) {
                    net.send(s.realm, new Packet(from, send.to(), send.data()));
                }
            } else if (x instanceof PunchAction.SendControl c) {
                // Round-tripped through the codec, as the real relay does.
                ControlMessage m = ControlCodec.decode(ControlCodec.encode(c.message()));
                relay.add(new Relayed(clock.instant().plus(RELAY_DELAY), relaySeq++, s.other(), m));
            } else if (x instanceof PunchAction.OpenSockets o) {
                for (int i = 1; i <= o.count(); i++) {
                    if (!s.sockets.containsKey(i)) {
                        s.bindSocket(i);
                    }
                }
            } else if (x instanceof PunchAction.CloseExtraSockets c) {
                for (Integer i : List.copyOf(s.sockets.keySet())) {
                    if (i != 0 && i != c.keep()) {
                        net.unbind(s.realm, s.sockets.remove(i));
                    }
                }
            } else if (x instanceof PunchAction.Note n) {
                s.notes.add(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.instant()).toMillis() + " ms " + n.text());
            } else if (x instanceof PunchAction.Finished f) {
                s.result = f.result();
            }
        }
    }

    private static Instant earliest(Instant... ts) {
        Instant best = null;
        for (Instant t : ts) {
            if (t != null && (best == null || t.isBefore(best))) {
                best = t;
            }
        }
        return best;
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static InetSocketAddress addr(String ip, int port) {
        return new InetSocketAddress(ip(ip), port);
    }

    String describe() {
        return "A notes:\n  " + String.join("\n  ", a.notes) + "\nB notes:\n  " + String.join("\n  ", b.notes);
    }
}
