package io.natprobe.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's punch matrix (for {@code natprobe lab demo}): needs a lab built from
 * {@link PunchMatrix#topology()}; each row is one direction of a router pair, expected vs measured.
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

    @Override
    public List<DemoRow> run(Lab lab) {
        List<DemoRow> rows = new ArrayList<>();
        try {
            Path work = Files.createTempDirectory("natprobe-punch-matrix");
            PunchMatrix m = new PunchMatrix(lab, launcher, work);
            m.startServer();
            for (PunchMatrix.Case c : PunchMatrix.cases()) {
                PunchMatrix.Outcome o = m.run(c, 3, List.of());
                String measured = (o.connected() ? "connected" : "failed") + " (" + o.diagnosis() + ")";
                rows.add(new DemoRow(c.subject(), (c.connect() ? "connected" : "failed") + " (" + c.diagnosis() + ")",
                        measured, o.matches(), o.took(), o.firstLog() + "\n" + o.secondLog()));
            }
        } catch (java.io.IOException | LabException e) {
            rows.add(new DemoRow("punch matrix", "runs", "could not run: " + e.getMessage(), false, Duration.ZERO, ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rows;
    }
}
