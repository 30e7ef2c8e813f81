package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole stepwise matrix on real Linux NATs: two routers of each of the 12 mapping x filtering
 * behaviours (inbound=drop), the real probe server with rendezvous in the server namespace, and every
 * ordered pair of behaviours (144 cases; the first side goes first, so both directions of every
 * pair) run as two real {@code natprobe punch --strategy stepwise} processes. The first side always
 * sits behind copy 1 of its behaviour, the second behind copy 2, so a router takes part in one case
 * at a time and cases that share no router run at once (at most {@code natprobe.matrix.parallel},
 * default 6). The expected outcome comes from the rules in docs/punch-matrix.md and is checked
 * against that file's stepwise table first, so the document and the lab cannot drift apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PunchFullMatrixIT {
    private static final int PARALLEL = Integer.getInteger("natprobe.matrix.parallel", 6);
    private static final int TIMEOUT_S = Integer.getInteger("natprobe.matrix.timeout", 3);

    private Lab lab;
    private PunchMatrix matrix;

    @BeforeAll
    void up() throws Exception {
        LabRequirements.assumeLab();
        List<String> specs = new ArrayList<>();
        for (StepwiseMatrix.Behaviour b : StepwiseMatrix.behaviours()) {
            specs.add(b.router(1) + "=" + b.spec());
            specs.add(b.router(2) + "=" + b.spec());
        }
        lab = Lab.up(NatSpecParser.topology(specs, List.of()), LabState.OWNER_PROCESS, new ProcessCommandRunner(),
                new LabStateStore(Files.createTempDirectory("natprobe-full-matrix-it")));
        String jar = Path.of(System.getProperty("natprobe.jar", "target/natprobe.jar")).toAbsolutePath().toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        // 288 short-lived JVMs on 2 cores: the C1 compiler and the serial collector start fastest.
        matrix = new PunchMatrix(lab, List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar),
                Files.createTempDirectory("natprobe-full-matrix"));
        matrix.startServer();
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    /** One ordered pair and what happened. */
    private record Result(PunchMatrix.Case c, PunchMatrix.Outcome o, String problem, String details) {}

    @Test
    void everyOrderedPairOfBehavioursEndsAsTheRulesSay() throws Exception {
        assertThat(StepwiseMatrix.fromDoc(StepwiseMatrix.doc()))
                .as("docs/punch-matrix.md's stepwise table vs the rules stated at its top")
                .containsExactlyInAnyOrderEntriesOf(StepwiseMatrix.computed());

        LinkedList<PunchMatrix.Case> pending = new LinkedList<>();
        for (StepwiseMatrix.Behaviour f : StepwiseMatrix.behaviours()) {
            for (StepwiseMatrix.Behaviour s : StepwiseMatrix.behaviours()) {
                StepwiseMatrix.Expected e = StepwiseMatrix.expected(f, s);
                pending.add(new PunchMatrix.Case(f.router(1), s.router(2), "stepwise", e.connect(), e.diagnosis()));
            }
        }
        int total = pending.size();
        Set<String> busy = new HashSet<>();
        List<Result> results = new ArrayList<>();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        PunchMatrix.Case c = take(pending, busy);
                        if (c == null) {
                            return null;
                        }
                        Result r;
                        try {
                            r = runOne(c);
                        } finally {
                            synchronized (pending) {
                                busy.remove(c.first());
                                busy.remove(c.second());
                                pending.notifyAll();
                            }
                        }
                        synchronized (results) {
                            results.add(r);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);

        List<Result> wrong = results.stream().filter(r -> r.problem() != null).toList();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "PunchFullMatrixIT: %d cases (stepwise, --timeout %d) in %d s, %d at once, %d as expected%n",
                results.size(), TIMEOUT_S, wall.toSeconds(), PARALLEL, results.size() - wrong.size()));
        for (Result r : results) {
            summary.append(String.format(Locale.ROOT, "  %-40s expected %-28s got %-28s %5.1f s%s%n",
                    label(r.c()), r.c().connect() ? "connected" : r.c().diagnosis(),
                    r.o() == null ? "(did not run)" : r.o().connected() ? "connected" : r.o().diagnosis(),
                    r.o() == null ? 0.0 : r.o().took().toMillis() / 1000.0, r.problem() == null ? "" : "  <-- WRONG"));
        }
        System.out.print(summary);
        StringBuilder failures = new StringBuilder(summary);
        wrong.forEach(r -> failures.append("\n===== ").append(label(r.c())).append(": ").append(r.problem())
                .append('\n').append(r.details()));
        assertThat(results).hasSize(total);
        assertThat(wrong).as(failures.toString()).isEmpty();
    }

    /** The next case whose two routers are idle, waiting while all are busy; null when none is left. */
    private static PunchMatrix.Case take(LinkedList<PunchMatrix.Case> pending, Set<String> busy)
            throws InterruptedException {
        synchronized (pending) {
            while (!pending.isEmpty()) {
                for (var it = pending.iterator(); it.hasNext(); ) {
                    PunchMatrix.Case c = it.next();
                    if (!busy.contains(c.first()) && !busy.contains(c.second())) {
                        it.remove();
                        busy.add(c.first());
                        busy.add(c.second());
                        return c;
                    }
                }
                pending.wait();
            }
            return null;
        }
    }

    /** Runs one case; on a mismatch keeps both logs and both routers' rules and conntrack (before the next case). */
    private Result runOne(PunchMatrix.Case c) {
        try {
            PunchMatrix.Outcome o = matrix.run(c, TIMEOUT_S, List.of());
            String problem = problem(o);
            if (problem == null) {
                return new Result(c, o, null, "");
            }
            String details = "A (" + c.first() + ") log:\n" + o.firstLog() + "\nB (" + c.second() + ") log:\n"
                    + o.secondLog() + "\n" + lab.diagnostics(lab.plan().router(c.first()))
                    + lab.diagnostics(lab.plan().router(c.second()));
            return new Result(c, o, problem, details);
        } catch (Exception e) {
            return new Result(c, null, "could not run: " + e, "");
        }
    }

    private static String problem(PunchMatrix.Outcome o) {
        PunchMatrix.Case c = o.c();
        if (o.first() == null || o.second() == null) {
            return "no JSON verdict from " + (o.first() == null ? "A" : "B");
        }
        if (!"natprobe.punch/1".equals(o.first().path("schema").asText())) {
            return "schema " + o.first().path("schema").asText();
        }
        var dir = o.first().path("directions").path(0);
        if (!"A".equals(dir.path("from").asText()) || !"stepwise".equals(dir.path("strategy").asText())) {
            return "direction " + dir;
        }
        if (!o.matches()) {
            return "expected " + (c.connect() ? "connected" : "failed (" + c.diagnosis() + ")") + ", A says "
                    + o.first().path("result").asText() + " (" + o.diagnosis() + "), B says "
                    + o.second().path("result").asText();
        }
        if (c.connect() && !dir.path("timeToConnectMs").isNumber()) {
            return "connected without timeToConnectMs: " + dir;
        }
        return null;
    }

    /** "eim-np/adf -> apdm/apdf" from the router names. */
    private static String label(PunchMatrix.Case c) {
        return behaviour(c.first()) + " -> " + behaviour(c.second());
    }

    private static String behaviour(String router) {
        for (StepwiseMatrix.Behaviour b : StepwiseMatrix.behaviours()) {
            if (router.equals(b.router(1)) || router.equals(b.router(2))) {
                return b.toString();
            }
        }
        return router;
    }
}
