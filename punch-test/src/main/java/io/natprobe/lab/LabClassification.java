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

/**
 * Runs the real {@code natprobe classify} (and {@code lifetime}) processes in a lab: the probe server
 * in the server namespace, the CLI on a host behind a router, and compares the JSON with what the
 * router was built to do. Shared by the lab demo, the lab integration tests and the benchmark.
 */
public final class LabClassification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabClassification() {}

    /**
     * What classify should report behind a router (and its carrier, if any).
     *
     * @param portPreservation true when every hop keeps the inside port (EIM via masquerade)
     */
    public record Expected(MappingBehavior mapping, FilteringBehavior filtering, boolean hairpin, boolean portPreservation,
                           boolean cgnat) {

        public static Expected of(RouterSpec spec) {
            Expectation e = Expectation.of(spec);
            // The hairpin test sends to the other socket's public address: behind a carrier that is the
            // carrier's address, so the carrier decides whether the packet turns round.
            boolean hairpin = spec.carrier().map(RouterSpec::hairpin).orElse(spec.hairpin());
            return new Expected(e.mapping(), e.filtering(), hairpin, e.preservePort(), spec.carrier().isPresent());
        }

        /** One cell for the demo's table, in the classifier's words. */
        public String cell() {
            return LabClassification.cell(mapping.abbreviation(), filtering.abbreviation(), Boolean.toString(hairpin),
                    portPreservation ? "preserving" : "not preserved") + (cgnat ? " CGNAT" : "");
        }

        /** The expected values as the classifier's JSON would carry them (for messages). */
        public String wire() {
            return "mapping=" + mapping.term() + " filtering=" + filtering.term() + " hairpinning=" + hairpin
                    + " portPreservation=" + portPreservation + " cgnatSuspected=" + cgnat;
        }
    }

    /**
     * One classify (or lifetime) run on a host.
     *
     * @param json null when the output was not JSON
     */
    public record Run(HostPlan host, RouterPlan router, List<String> argv, int exitCode, String stdout, String stderr,
                      JsonNode json, Duration took) {

        public String text(String field) {
            return json == null || json.get(field) == null || json.get(field).isNull() ? null : json.get(field).asText();
        }

        /** What classify measured, in the cell format of {@link Expected#cell()}. */
        public String cell() {
            if (json == null) return "no JSON (exit " + exitCode + ")";
            String allocation = text("portAllocation");
            String delta = text("portDelta");
            return LabClassification.cell(abbreviate(text("mapping"), "M"), abbreviate(text("filtering"), "F"),
                    text("hairpinning"), allocation + (delta == null ? "" : " " + delta))
                    + ("true".equals(text("cgnatSuspected")) ? " CGNAT" : "");
        }
    }

    static String cell(String mapping, String filtering, String hairpin, String ports) {
        return mapping + "+" + filtering + " hairpin=" + hairpin + " ports " + ports;
    }

    /** EIM/ADM/APDM (suffix "M") and EIF/ADF/APDF ("F") for the classifier's wire values; anything else as it is. */
    static String abbreviate(String wire, String suffix) {
        if (wire == null) return "null";
        return switch (wire) {
            case "endpoint-independent" -> "EI" + suffix;
            case "address-dependent" -> "AD" + suffix;
            case "address-and-port-dependent" -> "APD" + suffix;
            default -> wire;
        };
    }

    /**
     * Starts {@code natprobe server} on 203.0.113.1 + .2 in the server namespace and waits until it
     * passed its own self-check (it is stopped by {@link Lab#close()} or {@link Lab#stopAgents()}).
     */
    public static Process startServer(Lab lab, Path dir) {
        File out = dir.resolve("server.out").toFile();
        File err = dir.resolve("server.err").toFile();
        Process p = lab.spawn(lab.plan().serverNamespace(), AgentClient.javaCommand("io.natprobe.app.Main", "server",
                "--primary", LabPlan.SERVER_PRIMARY, "--alternate", LabPlan.SERVER_ALTERNATE), out, err);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String text = read(out.toPath());
            if (text.contains("Self-check passed")) {
                awaitReachable(lab, p, out.toPath(), err.toPath());
                return p;
            }
            if (!p.isAlive()) {
                throw new LabException("the probe server in " + lab.plan().serverNamespace() + " exited with "
                        + p.exitValue() + ":\n" + text + read(err.toPath()));
            }
            sleep(100);
        }
        throw new LabException("the probe server in " + lab.plan().serverNamespace()
                + " did not pass its self-check within 30 s:\n" + read(out.toPath()) + read(err.toPath()));
    }

    /**
     * Readiness: one Binding exchange from a host behind the first router, with a patient retransmission
     * schedule. The server's self-check only proves it answers inside its own namespace; the first
     * packets through fresh routers (neighbour discovery, a cold JIT on a loaded machine) can take
     * longer than classify's fast schedule allows, which is not what the tests measure.
     */
    private static void awaitReachable(Lab lab, Process server, Path out, Path err) {
        HostPlan host = lab.plan().routers().get(0).hosts().get(0);
        Run warm = run(lab, host, List.of("classify", "--server", LabPlan.SERVER_PRIMARY, "--rto", "300", "--rc", "7",
                "--no-path"), Duration.ofSeconds(60));
        JsonNode servers = warm.json() == null ? null : warm.json().path("servers");
        boolean answered = servers != null && servers.size() > 0 && !"no-answer".equals(servers.get(0).path("support").asText());
        if (!answered) {
            stop(server);
            throw new LabException("the probe server passed its self-check but does not answer " + host.name()
                    + " (exit " + warm.exitCode() + "):\n" + warm.stderr() + read(out) + read(err));
        }
    }

    /** Stops a process started by {@link #startServer} (by its handle; SIGTERM, then SIGKILL after 2 s). */
    public static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code natprobe ARGS --json} on a host; never throws for a failed run (the Run says what happened). */
    public static Run run(Lab lab, HostPlan host, List<String> args, Duration timeout) {
        List<String> argv = new ArrayList<>(args);
        argv.add("--json");
        List<String> cmd = AgentClient.javaCommand("io.natprobe.app.Main", argv.toArray(String[]::new));
        Command c = Command.inNamespace(host.namespace(), "natprobe " + String.join(" ", argv) + " on " + host.name(), "",
                cmd.toArray(String[]::new));
        long t0 = System.nanoTime();
        CommandResult r;
        try {
            r = new ProcessCommandRunner(timeout).run(c);
        } catch (LabException e) {
            r = new CommandResult(-1, "", e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        JsonNode json = null;
        try {
            if (!r.stdout().isBlank()) json = JSON.readTree(r.stdout());
        } catch (IOException e) {
            json = null;
        }
        return new Run(host, lab.plan().router(host.router()), argv, r.exitCode(), r.stdout(), r.stderr(), json, took);
    }

    /** {@code natprobe classify --server 203.0.113.1 [extra]} on a host. */
    public static Run classify(Lab lab, HostPlan host, String... extra) {
        List<String> args = new ArrayList<>(List.of("classify", "--server", LabPlan.SERVER_PRIMARY));
        args.addAll(List.of(extra));
        return run(lab, host, args, Duration.ofSeconds(60));
    }

    /** The differences between what the router was built to do and what classify reported; empty when they agree. */
    public static List<String> mismatches(Expected e, Run run) {
        List<String> m = new ArrayList<>();
        if (run.json() == null) {
            m.add("classify printed no JSON (exit " + run.exitCode() + ")");
            return m;
        }
        compare(m, "mapping", e.mapping().term(), run.text("mapping"));
        compare(m, "filtering", e.filtering().term(), run.text("filtering"));
        compare(m, "hairpinning", Boolean.toString(e.hairpin()), run.text("hairpinning"));
        compare(m, "portPreservation", Boolean.toString(e.portPreservation()), run.text("portPreservation"));
        if (e.portPreservation()) compare(m, "portAllocation", "preserving", run.text("portAllocation"));
        // Behind the carrier the path check must name it; nowhere else may a carrier or double NAT be claimed.
        compare(m, "cgnatSuspected", Boolean.toString(e.cgnat()), run.text("cgnatSuspected"));
        compare(m, "doubleNatSuspected", "false", run.text("doubleNatSuspected"));
        if (run.exitCode() != 0) m.add("exit code " + run.exitCode() + " (expected 0)");
        return m;
    }

    private static void compare(List<String> m, String field, String expected, String actual) {
        if (!expected.equals(actual)) m.add(field + ": expected " + expected + ", got " + actual);
    }

    /** What a person needs to see when a classification disagrees: topology, output, ruleset, conntrack. */
    public static String diagnostics(Lab lab, Run run) {
        return "topology:\n" + String.join("\n", lab.plan().topology().toLines()).indent(2)
                + "host " + run.host().name() + " (" + run.host().address() + ") behind " + run.router().name() + "\n"
                + "command: natprobe " + String.join(" ", run.argv()) + " -> exit " + run.exitCode() + " in "
                + run.took().toMillis() + " ms\n"
                + "--- stdout\n" + run.stdout() + (run.stdout().endsWith("\n") ? "" : "\n")
                + "--- stderr\n" + run.stderr() + (run.stderr().endsWith("\n") || run.stderr().isEmpty() ? "" : "\n")
                + lab.diagnostics(run.router());
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + p + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while waiting for the probe server", e);
        }
    }
}
