package io.natprobe.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Self-checks every router of a lab, in parallel (each router has its own sockets and ports). */
public final class LabSelfCheck {

    private LabSelfCheck() {}

    public static List<RouterReport> run(Lab lab) {
        // Start every agent first (in parallel: a JVM start is the slowest step here).
        List<CompletableFuture<AgentClient>> starting = new ArrayList<>();
        starting.add(CompletableFuture.supplyAsync(() -> lab.agent(lab.plan().serverNamespace()), LabExecutors.POOL));
        for (RouterPlan r : lab.plan().routers()) {
            starting.add(CompletableFuture.supplyAsync(() -> lab.agent(r.hosts().get(0).namespace()), LabExecutors.POOL));
        }
        starting.forEach(CompletableFuture::join);
        List<CompletableFuture<RouterReport>> runs = new ArrayList<>();
        for (RouterPlan r : lab.plan().routers()) {
            runs.add(CompletableFuture.supplyAsync(() -> check(lab, r), LabExecutors.POOL));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    public static RouterReport check(Lab lab, RouterPlan r) {
        long t0 = System.nanoTime();
        List<CheckResult> checks;
        try {
            checks = new RouterSelfCheck(lab, r).run();
        } catch (LabException e) {
            checks = List.of(CheckResult.judged("probe", "probes run", e.getMessage(), false));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        boolean failed = checks.stream().anyMatch(c -> c.outcome() == CheckResult.Outcome.FAIL);
        String diag = failed ? "topology:\n" + String.join("\n", lab.plan().topology().toLines()).indent(2)
                + lab.diagnostics(r) : "";
        return new RouterReport(r, checks, took, diag);
    }
}
