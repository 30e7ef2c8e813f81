package io.natprobe.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The punch matrix on real Linux NATs (docs/punch-matrix.md): pairs of routers, the expected outcome
 * of each direction, and a runner that starts the probe server in the lab's server namespace and two
 * real {@code natprobe punch} processes on hosts behind the two routers.
 */
public final class PunchMatrix {
    public static final int PORT = 4478;
    private static final Pattern CODE = Pattern.compile("Session code: (\\S+)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The routers the matrix needs (inbound=drop unless the row is about the router-state pitfall). */
    public static LabTopology topology() {
        return NatSpecParser.topology(List.of(
                "eimapdf=eim,apdf,inbound=drop",
                "eimapdf2=eim,apdf,inbound=drop",
                "eimadf=eim,adf,inbound=drop",
                "eimeif=eim,eif,inbound=drop",
                "admapdf=adm,apdf,inbound=drop",
                "apdmapdf=apdm,apdf,inbound=drop",
                "apdmapdf2=apdm,apdf,inbound=drop",
                "kernel1=eim,apdf,inbound=kernel",
                "kernel2=eim,apdf,inbound=kernel"), List.of());
    }

    /**
     * One direction of one pair: {@code first} creates the session (A) and goes first.
     *
     * @param connect    expected result
     * @param diagnosis  expected diagnosis code when it fails (prefix for success: "connected")
     */
    public record Case(String first, String second, String strategy, boolean connect, String diagnosis) {
        public String subject() {
            return first + " -> " + second + " (" + strategy + ")";
        }
    }

    /** The representative matrix (each pair in both directions; the full one is in docs/punch-matrix.md). */
    public static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        both(c, "eimapdf", "eimapdf2", "stepwise", true, true, "connected", "connected");
        both(c, "eimadf", "apdmapdf", "stepwise", true, false, "connected", "endpoint-dependent-mapping");
        both(c, "eimeif", "apdmapdf", "stepwise", true, true, "connected", "connected");
        both(c, "admapdf", "eimapdf", "stepwise", false, false, "endpoint-dependent-mapping", "endpoint-dependent-mapping");
        both(c, "apdmapdf", "apdmapdf2", "simultaneous", false, false, "both-endpoint-dependent", "both-endpoint-dependent");
        both(c, "kernel1", "kernel2", "stepwise", false, false, "router-state-port-change", "router-state-port-change");
        // Only one router takes unsolicited UDP: the side behind it must go first (the workaround).
        both(c, "kernel1", "eimapdf", "stepwise", true, false, "connected", "router-state-port-change");
        c.add(new Case("eimapdf", "apdmapdf", "birthday", true, "connected"));
        return c;
    }

    private static void both(List<Case> c, String x, String y, String strategy, boolean xFirst, boolean yFirst,
                             String xDiag, String yDiag) {
        c.add(new Case(x, y, strategy, xFirst, xDiag));
        c.add(new Case(y, x, strategy, yFirst, yDiag));
    }

    /** What one run produced: both sides' JSON verdicts and their logs (for failure reports). */
    public record Outcome(Case c, JsonNode first, JsonNode second, String firstLog, String secondLog, Duration took) {
        public boolean connected() {
            return first != null && "connected".equals(first.path("result").asText());
        }

        public String diagnosis() {
            return first == null ? "(no verdict)" : first.path("diagnosis").path("code").asText();
        }

        public boolean matches() {
            return first != null && second != null && connected() == c.connect()
                    && "connected".equals(second.path("result").asText()) == c.connect()
                    && diagnosis().startsWith(c.diagnosis());
        }
    }

    private final Lab lab;
    private final List<String> launcher;
    private final Path work;
    private Process server;

    /** {@code launcher} runs natprobe, e.g. {@code [java, -jar, natprobe.jar]}. */
    public PunchMatrix(Lab lab, List<String> launcher, Path work) {
        this.lab = lab;
        this.launcher = List.copyOf(launcher);
        this.work = work;
    }

    /** Starts the probe server with rendezvous on 203.0.113.1/.2 in the server namespace. */
    public void startServer() throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(List.of("server", "--primary", LabPlan.SERVER_PRIMARY, "--alternate", LabPlan.SERVER_ALTERNATE,
                "--port", String.valueOf(PORT), "--alt-port", String.valueOf(PORT + 1)));
        File out = work.resolve("server.out").toFile();
        server = lab.spawn(lab.plan().serverNamespace(), argv, out, work.resolve("server.err").toFile());
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (out.exists() && Files.readString(out.toPath()).contains("Rendezvous")) {
                return;
            }
            if (!server.isAlive()) {
                throw new LabException("the probe server stopped: " + Files.readString(work.resolve("server.err")));
            }
            Thread.sleep(100);
        }
        throw new LabException("the probe server did not start within 30 s");
    }

    /** Runs one case: two punch processes, A on the first router's host, B on the second's. */
    public Outcome run(Case c, int timeoutSeconds, List<String> extra) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String tag = (c.first() + "-" + c.second() + "-" + c.strategy()).toLowerCase(Locale.ROOT);
        Path aOut = work.resolve(tag + ".a.json");
        Path aErr = work.resolve(tag + ".a.log");
        Path bOut = work.resolve(tag + ".b.json");
        Path bErr = work.resolve(tag + ".b.log");
        Process a = lab.spawn(host(c.first()), punch("new", c, timeoutSeconds, work.resolve(tag + ".a.jsonl"), extra),
                aOut.toFile(), aErr.toFile());
        String code = null;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (code == null && System.nanoTime() < end && a.isAlive()) {
            Thread.sleep(50);
            if (Files.exists(aErr)) {
                Matcher m = CODE.matcher(Files.readString(aErr));
                code = m.find() ? m.group(1) : null;
            }
        }
        if (code == null) {
            a.destroy();
            a.waitFor();
            return new Outcome(c, null, null, read(aErr), "", Duration.ofNanos(System.nanoTime() - t0));
        }
        Process b = lab.spawn(host(c.second()), punch(code, c, timeoutSeconds, work.resolve(tag + ".b.jsonl"), extra),
                bOut.toFile(), bErr.toFile());
        boolean done = a.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) && b.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        if (!done) {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        return new Outcome(c, json(aOut), json(bOut), read(aErr), read(bErr), Duration.ofNanos(System.nanoTime() - t0));
    }

    private List<String> punch(String session, Case c, int timeout, Path log, List<String> extra) {
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(List.of("punch", "--rendezvous", LabPlan.SERVER_PRIMARY + ":" + PORT, "--session", session,
                "--strategy", c.strategy(), "--direction", "a-first", "--timeout", String.valueOf(timeout), "--json",
                "--wait", "30", "--log", log.toString()));
        argv.addAll(extra);
        return argv;
    }

    /** The first host behind a router. */
    public String host(String router) {
        return lab.plan().router(router).hosts().get(0).namespace();
    }

    public Path work() {
        return work;
    }

    private static JsonNode json(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            return s.isBlank() ? null : MAPPER.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
