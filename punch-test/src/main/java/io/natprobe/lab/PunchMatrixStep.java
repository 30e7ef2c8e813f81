package io.natprobe.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's punch matrix (for {@code natprobe lab demo}): each row is one direction of a router
 * pair, expected vs measured (docs/punch-matrix.md). Cases that share no router run at the same time
 * (in waves), so the matrix takes about as long as its slowest few cases, not their sum.
 */
public final class PunchMatrixStep implements DemoStep {
    private final List<String> launcher;

    /** {@code launcher}: how to run natprobe inside a namespace, e.g. {@code [java, -jar, /path/natprobe.jar]}. */
    public PunchMatrixStep(List<String> launcher) {
        this.launcher = List.copyOf(launcher);
    }

    /** Runs natprobe the way the lab runs its agent: this JVM's jar or class path. */
    public PunchMatrixStep() {
        this(AgentClient.javaCommand("io.natprobe.app.Main"));
    }

    /**
     * Groups the cases into waves in which no router appears twice (a router's host runs one punch
     * at a time, and its conntrack state must belong to one case), keeping the given order otherwise.
     */
    static List<List<PunchMatrix.Case>> waves(List<PunchMatrix.Case> cases) {
        List<List<PunchMatrix.Case>> waves = new ArrayList<>();
        List<java.util.Set<String>> used = new ArrayList<>();
        for (PunchMatrix.Case c : cases) {
            int i = 0;
            while (i < waves.size() && (used.get(i).contains(c.first()) || used.get(i).contains(c.second()))) {
                i++;
            }
            if (i == waves.size()) {
                waves.add(new ArrayList<>());
                used.add(new java.util.HashSet<>());
            }
            waves.get(i).add(c);
            used.get(i).add(c.first());
            used.get(i).add(c.second());
        }
        return waves;
    }

    @Override
    public String title() {
        return "Punch matrix: real `natprobe punch` processes on two hosts behind two routers";
    }

    /**
     * Builds its own lab from {@link PunchMatrix#topology()} (its routers drop unsolicited UDP, unlike
     * the demo's), runs the matrix there and tears it down; the demo's lab only lends its runner.
     */
    private static DemoRow row(PunchMatrix m, PunchMatrix.Case c) {
        try {
            PunchMatrix.Outcome o = m.run(c, 3, List.of());
            String measured = (o.connected() ? "connected" : "failed") + " (" + o.diagnosis() + ")";
            return new DemoRow(c.subject(), (c.connect() ? "connected" : "failed") + " (" + c.diagnosis() + ")",
                    measured, o.matches(), o.took(), o.firstLog() + "\n" + o.secondLog());
        } catch (java.io.IOException e) {
            return new DemoRow(c.subject(), "runs", "could not run: " + e.getMessage(), false, Duration.ZERO, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DemoRow(c.subject(), "runs", "interrupted", false, Duration.ZERO, "");
        }
    }

    @Override
    public List<DemoRow> run(Lab demoLab) {
        List<DemoRow> rows = new ArrayList<>();
        try (Lab lab = Lab.up(PunchMatrix.topology(), LabState.OWNER_PROCESS, demoLab.runner(),
                LabStateStore.fromEnvironment())) {
            Path work = Files.createTempDirectory("natprobe-punch-matrix");
            PunchMatrix m = new PunchMatrix(lab, launcher, work);
            m.startServer();
            for (List<PunchMatrix.Case> wave : waves(PunchMatrix.cases())) {
                List<java.util.concurrent.CompletableFuture<DemoRow>> running = new ArrayList<>();
                for (PunchMatrix.Case c : wave) {
                    running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> row(m, c), LabExecutors.POOL));
                }
                running.forEach(f -> rows.add(f.join()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            rows.add(new DemoRow("punch matrix", "runs", "could not run: " + e.getMessage(), false, Duration.ZERO, ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rows;
    }
}
