package io.natprobe.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Punch benchmark in the lab (not a test; bench/punch-lab.sh runs it, docs/benchmarks.md "Punch"):
 * time from "both peers registered" (A learns B's address) to connected, per strategy, and the
 * success rate and probes spent by the birthday technique over N runs.
 */
public final class PunchBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "punch-test/target/natprobe.jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int birthdayRuns = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        LabPreflight.problem().ifPresent(p -> {
            throw new IllegalStateException("the lab cannot run here: " + p);
        });
        String java = ProcessHandle.current().info().command().orElse("java");
        try (Lab lab = Lab.up(PunchMatrix.topology(), LabState.OWNER_PROCESS, new ProcessCommandRunner(),
                new LabStateStore(Files.createTempDirectory("natprobe-punch-bench")))) {
            PunchMatrix m = new PunchMatrix(lab, List.of(java, "-jar", Path.of(jar).toAbsolutePath().toString()),
                    Files.createTempDirectory("natprobe-punch-bench-work"));
            m.startServer();
            System.out.println("strategy      pair                       runs  connected  registered->connected ms (median, min-max)  attempt ms (median)  probes A (median)");
            bench(m, new PunchMatrix.Case("eimapdf", "eimapdf2", "stepwise", true, "connected"), runs);
            bench(m, new PunchMatrix.Case("eimapdf", "eimapdf2", "simultaneous", true, "connected"), runs);
            bench(m, new PunchMatrix.Case("eimadf", "apdmapdf", "simultaneous", true, "connected"), runs);
            bench(m, new PunchMatrix.Case("eimapdf", "apdmapdf", "birthday", true, "connected"), birthdayRuns);
            bench(m, new PunchMatrix.Case("eimapdf", "apdmapdf", "predict", false, "endpoint-dependent-mapping"), 3);
        }
    }

    private static void bench(PunchMatrix m, PunchMatrix.Case c, int runs) throws Exception {
        List<Long> total = new ArrayList<>();
        List<Long> attempt = new ArrayList<>();
        List<Long> probes = new ArrayList<>();
        List<Long> probesB = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < runs; i++) {
            PunchMatrix.Outcome o = m.run(c, 8, List.of("--quiet"));
            if (o.first() == null) {
                continue;
            }
            JsonNode d = o.first().path("directions").get(0);
            probes.add(d.path("probesSent").asLong());
            if (o.second() != null) {
                probesB.add(o.second().path("directions").get(0).path("probesSent").asLong());
            }
            if (o.connected()) {
                ok++;
                attempt.add(d.path("timeToConnectMs").asLong());
                String tag = (c.first() + "-" + c.second() + "-" + c.strategy()).toLowerCase(Locale.ROOT);
                long t = registeredToConnected(m.work().resolve(tag + ".a.jsonl"));
                if (t >= 0) {
                    total.add(t);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-13s %-26s %4d  %9s  %-44s %-20s %s (B: %s)%n", c.strategy(), c.first() + " -> " + c.second(),
                runs, ok + "/" + runs, stats(total), median(attempt), median(probes), median(probesB));
    }

    /** From A's PEER_KNOWN (both registered) to its CONNECTED state line, in A's log. */
    static long registeredToConnected(Path jsonl) throws Exception {
        Instant known = null;
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode n = MAPPER.readTree(line);
            if (!"self".equals(n.path("origin").asText()) || !"state".equals(n.path("type").asText())) {
                continue;
            }
            String s = n.path("summary").asText();
            if (s.startsWith("PEER_KNOWN") && known == null) {
                known = Instant.parse(n.path("at").asText());
            } else if (s.startsWith("CONNECTED") && known != null) {
                return java.time.Duration.between(known, Instant.parse(n.path("at").asText())).toMillis();
            }
        }
        return -1;
    }

    private static String stats(List<Long> v) {
        if (v.isEmpty()) {
            return "-";
        }
        List<Long> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2) + " (" + s.get(0) + "-" + s.get(s.size() - 1) + ")";
    }

    private static String median(List<Long> v) {
        if (v.isEmpty()) {
            return "-";
        }
        List<Long> s = new ArrayList<>(v);
        s.sort(null);
        return String.valueOf(s.get(s.size() / 2));
    }

    private PunchBench() {}
}
