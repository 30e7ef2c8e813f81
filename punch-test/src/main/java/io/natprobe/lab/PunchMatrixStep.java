package io.natprobe.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's punch matrix (for {@code natprobe lab demo}): each row is one direction of a router
 * pair, expected vs measured (docs/punch-matrix.md). Takes about two minutes.
 */
public final class PunchMatrixStep implements DemoStep {
    private final List<String> launcher;

    /** {@code launcher}: how to run natprobe inside a namespace, e.g. {@code [java, -jar, /path/natprobe.jar]}. */
    public PunchMatrixStep(List<String> launcher) {
        this.launcher = List.copyOf(launcher);
    }

    @Override
    public String title() {
        return "Punch matrix: real `natprobe punch` processes on two hosts behind two routers";
    }

    /**
     * Builds its own lab from {@link PunchMatrix#topology()} (its routers drop unsolicited UDP, unlike
     * the demo's), runs the matrix there and tears it down; the demo's lab only lends its runner.
     */
    @Override
    public List<DemoRow> run(Lab demoLab) {
        List<DemoRow> rows = new ArrayList<>();
        try (Lab lab = Lab.up(PunchMatrix.topology(), LabState.OWNER_PROCESS, demoLab.runner(),
                LabStateStore.fromEnvironment())) {
            Path work = Files.createTempDirectory("natprobe-punch-matrix");
            PunchMatrix m = new PunchMatrix(lab, launcher, work);
            m.startServer();
            for (PunchMatrix.Case c : PunchMatrix.cases()) {
                PunchMatrix.Outcome o = m.run(c, 3, List.of());
                String measured = (o.connected() ? "connected" : "failed") + " (" + o.diagnosis() + ")";
                rows.add(new DemoRow(c.subject(), (c.connect() ? "connected" : "failed") + " (" + c.diagnosis() + ")",
                        measured, o.matches(), o.took(), o.firstLog() + "\n" + o.secondLog()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            rows.add(new DemoRow("punch matrix", "runs", "could not run: " + e.getMessage(), false, Duration.ZERO, ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rows;
    }
}
