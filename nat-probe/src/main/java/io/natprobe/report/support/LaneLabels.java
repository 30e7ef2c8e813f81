package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The address lines under each lane's title; "unknown" where the inputs do not tell. */
final class LaneLabels {
    static final int MAX_SHOWN = 2;

    private LaneLabels() {}

    static Map<Lane, List<String>> of(AddressBook book, ReportInputs in) {
        Map<Lane, List<String>> m = new EnumMap<>(Lane.class);
        for (Side s : Side.values()) {
            m.put(Lane.host(s), lines(book.localsOrdered(s), "address unknown"));
            List<Addresses.Endpoint> pub = book.publicsOrdered(s);
            JsonNode c = in.classifications().get(s);
            String mapping = Json.text(c, "mapping");
            if (pub.isEmpty() && "none".equals(mapping)) {
                m.put(Lane.nat(s), List.of("no NAT (public = local)"));
            } else {
                m.put(Lane.nat(s), lines(pub, "public address unknown"));
            }
        }
        m.put(Lane.SERVER, lines(book.serversOrdered(), "address unknown"));
        m.put(Lane.OTHER, List.of("unknown addresses"));
        return m;
    }

    private static List<String> lines(List<Addresses.Endpoint> list, String none) {
        if (list.isEmpty()) return List.of(none);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_SHOWN, list.size()); i++) {
            out.add(list.get(i).toString());
        }
        if (list.size() > MAX_SHOWN) out.add("+" + (list.size() - MAX_SHOWN) + " more");
        return out;
    }
}
