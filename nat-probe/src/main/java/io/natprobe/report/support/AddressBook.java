package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.natprobe.log.EventType;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.TrafficKind;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is who: each side's local addresses (its sockets), its public addresses (what its NAT maps them
 * to, as a server or the peer saw them), and the server's addresses. Gathered from classifications
 * (local, mapped and server addresses of every transaction), punch results, and packet logs (a
 * side's own sockets; where STUN and rendezvous went; where punches went and came from).
 */
public final class AddressBook {
    private final Map<Side, Set<Addresses.Endpoint>> locals = new EnumMap<>(Side.class);
    private final Map<Side, Set<Addresses.Endpoint>> publics = new EnumMap<>(Side.class);
    private final Map<Side, Set<Addresses.Endpoint>> reported = new EnumMap<>(Side.class);
    private final Set<Addresses.Endpoint> servers = new LinkedHashSet<>();

    private AddressBook() {
        for (Side s : Side.values()) {
            locals.put(s, new LinkedHashSet<>());
            publics.put(s, new LinkedHashSet<>());
        }
    }

    public static AddressBook of(ReportInputs in, List<SidedEvent> events) {
        AddressBook b = new AddressBook();
        in.classifications().forEach(b::fromClassification);
        in.lifetimes().forEach((side, j) -> b.add(b.servers, Json.text(j, "server")));
        in.punches().forEach(b::fromPunch);
        List<String[]> seenFrom = new java.util.ArrayList<>();
        in.punches().forEach((side, p) -> seenFrom.add(new String[] {side.other().name(), Json.text(p.path("peer"), "seenFrom")}));
        for (SidedEvent e : events) {
            Addresses.Endpoint local = Addresses.of(e.event().local());
            if (local != null) b.locals.get(e.side()).add(local);
            TrafficKind k = e.event().kind();
            Addresses.Endpoint remote = Addresses.of(e.event().remote());
            if (remote != null && (k == TrafficKind.STUN || k == TrafficKind.RENDEZVOUS) && e.event().type().isPacket()) {
                b.servers.add(remote);
            }
        }
        for (Side s : Side.values()) {
            b.reported.put(s, new LinkedHashSet<>(b.publics.get(s)));
        }
        // Where the peer's probes came from is what the peer's NAT used toward us, not what the server saw.
        for (String[] sf : seenFrom) {
            b.add(b.publics.get(Side.valueOf(sf[0])), sf[1]);
        }
        // Punches and keepalives go to the peer: where they went is the peer's address, where they came
        // from is the sender's public address (as seen by the receiver).
        for (SidedEvent e : events) {
            TrafficKind k = e.event().kind();
            Addresses.Endpoint remote = Addresses.of(e.event().remote());
            if (remote == null || !(k == TrafficKind.PUNCH || k == TrafficKind.KEEPALIVE)
                    || b.servers.contains(remote)) {
                continue;
            }
            Side peer = e.side().other();
            if (e.event().type() == EventType.SENT || e.event().type() == EventType.RECEIVED) {
                if (!b.locals.get(peer).contains(remote) && !b.locals.get(e.side()).contains(remote)) {
                    b.publics.get(peer).add(remote);
                }
            }
        }
        return b;
    }

    private void fromClassification(Side side, JsonNode c) {
        add(locals.get(side), Json.text(c, "localAddress"));
        add(publics.get(side), Json.text(c, "mappedAddress"));
        for (JsonNode s : Json.objects(c, "servers")) {
            add(servers, Json.text(s, "address"));
            add(servers, Json.text(s, "otherAddress"));
        }
        for (String field : List.of("transactions", "lifetimeTransactions")) {
            for (JsonNode t : Json.objects(c, field)) {
                add(locals.get(side), Json.text(t, "local"));
                add(publics.get(side), Json.text(t, "mappedAddress"));
                add(servers, Json.text(t, "to"));
                add(servers, Json.text(t, "from"));
            }
        }
    }

    /** Address fields of "self" and "peer": those named *local* are sockets, the others public addresses. */
    private void fromPunch(Side side, JsonNode p) {
        addressesOf(p.path("self"), side);
        addressesOf(p.path("peer"), side.other());
        for (String f : List.of("rendezvous", "server")) {
            add(servers, Json.text(p, f));
        }
    }

    private void addressesOf(JsonNode n, Side side) {
        if (n.isTextual()) {
            add(publics.get(side), n.asText());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("seenFrom")) continue; // added after the reported addresses, see of()
            if (f.getKey().equals("nat") && f.getValue().isObject()) {
                add(publics.get(side), Json.text(f.getValue(), "mappedOther"));
                continue;
            }
            boolean local = f.getKey().toLowerCase(java.util.Locale.ROOT).contains("local");
            Set<Addresses.Endpoint> into = local ? locals.get(side) : publics.get(side);
            if (f.getValue().isTextual()) {
                add(into, f.getValue().asText());
            } else if (f.getValue().isArray()) {
                f.getValue().forEach(v -> add(into, v.isTextual() ? v.asText() : null));
            }
        }
    }

    private void add(Set<Addresses.Endpoint> into, String text) {
        Addresses.Endpoint e = Addresses.parse(text);
        if (e != null) into.add(e);
    }

    public Set<Addresses.Endpoint> locals(Side s) {
        return Set.copyOf(locals.get(s));
    }

    /** Public addresses not also local (a side without NAT has none of its own). */
    public Set<Addresses.Endpoint> publics(Side s) {
        Set<Addresses.Endpoint> p = new LinkedHashSet<>(publics.get(s));
        p.removeAll(locals.get(s));
        return p;
    }

    public Set<Addresses.Endpoint> servers() {
        return Set.copyOf(servers);
    }

    /** Public addresses a server reported (classification, punch result), not inferred from punches. */
    public Set<Addresses.Endpoint> reportedPublics(Side s) {
        Set<Addresses.Endpoint> p = new LinkedHashSet<>(reported.getOrDefault(s, Set.of()));
        p.removeAll(locals.get(s));
        return p;
    }

    List<Addresses.Endpoint> localsOrdered(Side s) {
        return List.copyOf(locals.get(s));
    }

    List<Addresses.Endpoint> publicsOrdered(Side s) {
        Set<Addresses.Endpoint> p = new LinkedHashSet<>(publics.get(s));
        p.removeAll(locals.get(s));
        return List.copyOf(p);
    }

    List<Addresses.Endpoint> serversOrdered() {
        return List.copyOf(servers);
    }

    /**
     * Where {@code remote} is, seen by {@code viewer} sending or receiving traffic of {@code kind}:
     * exact address first (server, the peer's sockets, the peer's public addresses, our own public
     * address), then the same IP with another port (the server's other ports; a NAT that picked
     * another port), then by the kind of traffic.
     */
    public Place placeOf(PacketEvent e, Side viewer) {
        Addresses.Endpoint r = Addresses.of(e.remote());
        Side peer = viewer.other();
        if (r != null) {
            if (servers.contains(r)) return Place.SERVER;
            if (locals.get(peer).contains(r) && !locals.get(viewer).contains(r)) return new Place(Place.What.LOCAL, peer);
            if (publics.get(peer).contains(r)) return new Place(Place.What.PUBLIC, peer);
            if (publics.get(viewer).contains(r) && !locals.get(viewer).contains(r)) return new Place(Place.What.PUBLIC, viewer);
            if (locals.get(peer).contains(r)) return new Place(Place.What.LOCAL, peer);
            boolean toPeer = e.kind() == TrafficKind.PUNCH || e.kind() == TrafficKind.KEEPALIVE;
            if (!toPeer && sameIp(servers, r)) return Place.SERVER;
            if (sameIp(publics.get(peer), r)) return new Place(Place.What.PUBLIC, peer);
            if (sameIp(locals.get(peer), r) && !sameIp(locals.get(viewer), r)) return new Place(Place.What.LOCAL, peer);
            if (sameIp(servers, r)) return Place.SERVER;
        }
        return switch (e.kind()) {
            case STUN, RENDEZVOUS -> Place.SERVER;
            case PUNCH, KEEPALIVE -> new Place(Place.What.PUBLIC, peer);
            case OTHER -> Place.UNKNOWN;
        };
    }

    private static boolean sameIp(Set<Addresses.Endpoint> set, Addresses.Endpoint r) {
        return set.stream().anyMatch(x -> x.ip().equals(r.ip()));
    }
}
