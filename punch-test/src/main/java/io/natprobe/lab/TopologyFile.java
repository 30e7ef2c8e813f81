package io.natprobe.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's topology file: one command-line value per line, so a file and a command line say the
 * same thing the same way.
 * <pre>
 * # a home router with hairpinning, and an office firewall behind a carrier NAT
 * nat home=eim,apdf,hairpin
 * nat office=apdm,apdf,inbound=drop
 * cgnat office                 # or: cgnat office=eim,adf
 * </pre>
 */
public final class TopologyFile {

    private TopologyFile() {}

    public static LabTopology read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    /** Parses lines; errors say {@code source:line: problem}. */
    public static LabTopology parse(List<String> lines, String source) {
        List<String> nats = new ArrayList<>();
        List<String> cgnats = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] kv = text.split("\\s+", 2);
            try {
                if (kv.length < 2) {
                    throw new IllegalArgumentException("'" + text + "' is not 'nat NAME=...' or 'cgnat NAME'");
                }
                switch (kv[0]) {
                    case "nat" -> {
                        NatSpecParser.parse(kv[1]);
                        nats.add(kv[1]);
                    }
                    case "cgnat" -> cgnats.add(kv[1]);
                    default -> throw new IllegalArgumentException("unknown keyword '" + kv[0]
                            + "' (expected: nat or cgnat)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            return NatSpecParser.topology(nats, cgnats);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
