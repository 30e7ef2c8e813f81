package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.natprobe.log.PacketEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which side each input file belongs to. A file named in {@code --side A=FILE} goes to that
 * side; a punch result that states its role goes to it; a packet log whose local addresses match one
 * side's classification goes to that side; every other file takes the first side that has no file
 * of its kind yet (so the first classification is A's, the second B's).
 */
public final class InputAssembler {

    private InputAssembler() {}

    /**
     * @param files    the recognised inputs, in command-line order
     * @param explicit file name to side, from {@code --side}
     * @throws IllegalArgumentException when the files cannot be split into two sides (a usage error)
     */
    public static ReportInputs assemble(List<InputFile> files, Map<String, Side> explicit) {
        Map<InputKind, Map<Side, InputFile>> placed = new EnumMap<>(InputKind.class);
        List<InputFile> rest = new ArrayList<>();
        for (InputFile f : files) {
            Side s = explicit.get(f.name());
            if (s == null && f.kind() == InputKind.PUNCH) {
                s = statedRole(f.json());
            }
            if (s != null) {
                put(placed, f, s);
            } else {
                rest.add(f);
            }
        }
        List<InputFile> logs = new ArrayList<>();
        for (InputFile f : rest) {
            if (f.kind() == InputKind.PACKET_LOG) {
                logs.add(f);
            } else {
                put(placed, f, firstFree(placed, f));
            }
        }
        for (InputFile f : logs) {
            Side s = matchByAddress(f, placed.getOrDefault(InputKind.CLASSIFICATION, Map.of()));
            put(placed, f, s != null && !placed.getOrDefault(InputKind.PACKET_LOG, Map.of()).containsKey(s) ? s : firstFree(placed, f));
        }
        ReportInputs.Builder b = ReportInputs.builder();
        for (InputFile f : files) {
            for (Map.Entry<InputKind, Map<Side, InputFile>> k : placed.entrySet()) {
                for (Map.Entry<Side, InputFile> e : k.getValue().entrySet()) {
                    if (e.getValue() == f) {
                        add(b, e.getKey(), f);
                        b.source(f.name() + ": " + f.kind().words() + " of side " + e.getKey()
                                + (f.kind() == InputKind.PACKET_LOG ? " (" + f.events().size() + " events)" : ""));
                    }
                }
            }
        }
        return b.build();
    }

    private static void add(ReportInputs.Builder b, Side side, InputFile f) {
        switch (f.kind()) {
            case CLASSIFICATION -> b.classification(side, f.json());
            case LIFETIME -> b.lifetime(side, f.json());
            case PUNCH -> b.punch(side, f.json());
            case PACKET_LOG -> b.events(side, f.events());
        }
    }

    private static void put(Map<InputKind, Map<Side, InputFile>> placed, InputFile f, Side s) {
        Map<Side, InputFile> m = placed.computeIfAbsent(f.kind(), k -> new LinkedHashMap<>());
        InputFile before = m.putIfAbsent(s, f);
        if (before != null) {
            throw new IllegalArgumentException("two " + f.kind().words() + " files for side " + s + ": " + before.name()
                    + " and " + f.name() + " (a report covers two sides, A and B; use --side A=FILE / --side B=FILE)");
        }
    }

    private static Side firstFree(Map<InputKind, Map<Side, InputFile>> placed, InputFile f) {
        Map<Side, InputFile> m = placed.getOrDefault(f.kind(), Map.of());
        for (Side s : Side.values()) {
            if (!m.containsKey(s)) {
                return s;
            }
        }
        throw new IllegalArgumentException("more than two " + f.kind().words() + " files (" + f.name()
                + " is the third); a report covers two sides, A and B");
    }

    /** The punch result's own statement of its role: {@code "self": {"role": "A"}}, when present. */
    static Side statedRole(JsonNode punch) {
        String role = Json.text(punch.path("self"), "role");
        if ("A".equalsIgnoreCase(role)) return Side.A;
        if ("B".equalsIgnoreCase(role)) return Side.B;
        return null;
    }

    /** The side whose classification's local IP is the IP of every SELF event of this log, when exactly one matches. */
    private static Side matchByAddress(InputFile log, Map<Side, InputFile> classifications) {
        Set<String> ips = new TreeSet<>();
        for (PacketEvent e : log.events()) {
            if (e.origin() == io.natprobe.log.Origin.SELF && e.local() != null && e.local().getAddress() != null) {
                ips.add(e.local().getAddress().getHostAddress());
            }
        }
        Side found = null;
        for (Map.Entry<Side, InputFile> c : classifications.entrySet()) {
            String local = Json.text(c.getValue().json(), "localAddress");
            Addresses.Endpoint ep = Addresses.parse(local);
            if (ep != null && ips.size() == 1 && ips.contains(ep.ip())) {
                if (found != null) return null;
                found = c.getKey();
            }
        }
        return found;
    }
}
