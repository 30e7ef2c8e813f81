package io.natprobe.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected outcome of the stepwise strategy (the seed article's procedure, first side sends
 * first) for every ordered pair of the lab's 12 mapping x filtering behaviours, computed from the
 * rules at the top of docs/punch-matrix.md, and a reader for that file's "Stepwise" table so a test
 * can check that the two agree.
 */
final class StepwiseMatrix {
    static final List<String> MAPPINGS = List.of("eim", "eim-np", "adm", "apdm");
    static final List<String> FILTERINGS = List.of("eif", "adf", "apdf");

    private StepwiseMatrix() {}

    /** One lab behaviour in the doc's notation, e.g. {@code eim-np/adf}. */
    record Behaviour(String mapping, String filtering) {
        /** eim-np keeps one mapping for every destination; only its port differs from the host's. */
        boolean endpointIndependentMapping() {
            return mapping.startsWith("eim");
        }

        boolean endpointIndependentFiltering() {
            return filtering.equals("eif");
        }

        boolean addressDependentFiltering() {
            return filtering.equals("adf");
        }

        /** The router spec for the lab, with a drop policy for unsolicited inbound UDP. */
        String spec() {
            return mapping + "," + filtering + ",inbound=drop";
        }

        /** A router name ([a-z][a-z0-9]{0,9}) for copy {@code n} of this behaviour, e.g. {@code eimnpadf1}. */
        String router(int n) {
            return mapping.replace("-", "") + filtering + n;
        }

        @Override
        public String toString() {
            return mapping + "/" + filtering;
        }
    }

    /** The expected result of one ordered pair: {@code connected} or the failure's diagnosis code. */
    record Expected(boolean connect, String diagnosis) {}

    static List<Behaviour> behaviours() {
        List<Behaviour> all = new ArrayList<>();
        for (String m : MAPPINGS) {
            for (String f : FILTERINGS) {
                all.add(new Behaviour(m, f));
            }
        }
        return all;
    }

    /**
     * docs/punch-matrix.md, "The rules": stepwise with F first connects iff either side filters
     * endpoint-independently, or F is EIM + address-dependent filtering, or both map
     * endpoint-independently. Otherwise the diagnosis names whether one or both sides change ports.
     */
    static Expected expected(Behaviour first, Behaviour second) {
        boolean connect = first.endpointIndependentFiltering() || second.endpointIndependentFiltering()
                || (first.endpointIndependentMapping() && first.addressDependentFiltering())
                || (first.endpointIndependentMapping() && second.endpointIndependentMapping());
        if (connect) {
            return new Expected(true, "connected");
        }
        boolean both = !first.endpointIndependentMapping() && !second.endpointIndependentMapping();
        return new Expected(false, both ? "both-endpoint-dependent" : "endpoint-dependent-mapping");
    }

    /** Every ordered pair, computed from the rules, keyed "first -> second". */
    static Map<String, Expected> computed() {
        Map<String, Expected> m = new LinkedHashMap<>();
        for (Behaviour f : behaviours()) {
            for (Behaviour s : behaviours()) {
                m.put(f + " -> " + s, expected(f, s));
            }
        }
        return m;
    }

    /** docs/punch-matrix.md from the module's or the repository's directory. */
    static Path doc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs/punch-matrix.md");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/punch-matrix.md not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Reads the "## Stepwise" table: a header row of second-side behaviours, then one row per first
     * side ({@code | **eim/eif** | ok | x | **X** ...}); {@code ok} connects, {@code x} fails with
     * endpoint-dependent-mapping, {@code **X**} with both-endpoint-dependent.
     */
    static Map<String, Expected> fromDoc(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## Stepwise")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalStateException(doc + " has no '## Stepwise' section");
        }
        List<String> header = null;
        Map<String, Expected> m = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells.subList(1, cells.size());
                continue;
            }
            String first = cells.get(0).replace("**", "");
            if (cells.size() - 1 != header.size()) {
                throw new IllegalStateException(doc + ": row " + first + " has " + (cells.size() - 1)
                        + " cells, the header " + header.size());
            }
            for (int j = 0; j < header.size(); j++) {
                String cell = cells.get(j + 1);
                Expected e = switch (cell) {
                    case "ok" -> new Expected(true, "connected");
                    case "x" -> new Expected(false, "endpoint-dependent-mapping");
                    case "**X**" -> new Expected(false, "both-endpoint-dependent");
                    default -> throw new IllegalStateException(doc + ": unknown cell '" + cell + "' in row " + first);
                };
                m.put(first + " -> " + header.get(j), e);
            }
        }
        return m;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> out = new ArrayList<>();
        for (String c : inner.split("\\|")) {
            out.add(c.trim());
        }
        return out;
    }
}
