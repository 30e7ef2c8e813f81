package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** The address lines under each lane's title; "unknown" where the inputs do not tell. */
final class LaneLabels {
    static final int MAX_SHOWN = 2;

    private LaneLabels() {}

    /** Addresses that appear in the packet log come first: they are the ones the ladder shows. */
    static Map<Lane, List<String>> of(AddressBook book, ReportInputs in, List<SidedEvent> events) {
        Set<Addresses.Endpoint> seen = new HashSet<>();
        for (SidedEvent e : events) {
            Addresses.Endpoint l = Addresses.of(e.event().local());
            Addresses.Endpoint r = Addresses.of(e.event().remote());
            if (l != null) seen.add(l);
            if (r != null) seen.add(r);
        }
        Map<Lane, List<String>> m = new EnumMap<>(Lane.class);
        for (Side s : Side.values()) {
            m.put(Lane.host(s), lines(concrete(sorted(book.localsOrdered(s), seen), book.localsOrdered(s)), "address unknown"));
            List<Addresses.Endpoint> pub = sorted(book.publicsOrdered(s), seen);
            JsonNode c = in.classifications().get(s);
            String mapping = Json.text(c, "mapping");
            if (pub.isEmpty() && "none".equals(mapping)) {
                m.put(Lane.nat(s), List.of("no NAT (public = local)"));
            } else {
                m.put(Lane.nat(s), lines(pub, "public address unknown"));
            }
        }
        m.put(Lane.SERVER, lines(sorted(book.serversOrdered(), seen), "address unknown"));
        m.put(Lane.OTHER, List.of("unknown addresses"));
        return m;
    }

    /** The addresses the packet log uses, when it uses any of this lane's; else all of them, in the order found. */
    private static List<Addresses.Endpoint> sorted(List<Addresses.Endpoint> l, Set<Addresses.Endpoint> seen) {
        List<Addresses.Endpoint> inLog = l.stream().filter(seen::contains).toList();
        return inLog.isEmpty() ? l : inLog;
    }

    /**
     * A socket bound to the wildcard address logs "[::]:42027"; when another input names the real
     * address with that port (the peer's list of our local addresses), show that instead.
     */
    private static List<Addresses.Endpoint> concrete(List<Addresses.Endpoint> shown, List<Addresses.Endpoint> all) {
        List<Addresses.Endpoint> out = new ArrayList<>();
        for (Addresses.Endpoint e : shown) {
            Addresses.Endpoint real = !isWildcard(e) ? e
                    : all.stream().filter(x -> !isWildcard(x) && x.port() == e.port()).findFirst().orElse(e);
            if (!out.contains(real)) out.add(real);
        }
        return out;
    }

    static boolean isWildcard(Addresses.Endpoint e) {
        return e.ip().equals("::") || e.ip().equals("0.0.0.0");
    }

    private static String label(Addresses.Endpoint e) {
        return isWildcard(e) ? "any address, port " + e.port() : e.toString();
    }

    private static List<String> lines(List<Addresses.Endpoint> list, String none) {
        if (list.isEmpty()) return List.of(none);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_SHOWN, list.size()); i++) {
            out.add(label(list.get(i)));
        }
        if (list.size() > MAX_SHOWN) out.add("+" + (list.size() - MAX_SHOWN) + " more");
        return out;
    }
}
