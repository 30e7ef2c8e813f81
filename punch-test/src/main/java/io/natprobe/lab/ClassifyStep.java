package io.natprobe.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Demo step: the real probe server in the server namespace and the real {@code natprobe classify}
 * process on a host behind every router, all at once; each row compares mapping, filtering,
 * hairpinning and port preservation with what the router was built to do.
 */
public final class ClassifyStep implements DemoStep {

    /**
     * Sends per request behind a lossy router: 20 % loss each way loses a round trip 36 % of the time,
     * so the default 4 sends leave a test unanswered about once in 60; 6 sends about once in 500, at
     * the cost of 2.6 s instead of 0.8 s for a test whose answer never comes.
     */
    static final String LOSSY_RC = "6";

    @Override
    public String title() {
        return "Classification (natprobe classify --server 203.0.113.1 from a host behind each router, in parallel)";
    }

    @Override
    public List<DemoRow> run(Lab lab) {
        Path dir;
        try {
            dir = Files.createTempDirectory("natprobe-demo-server");
        } catch (IOException e) {
            throw new LabException("cannot create a directory for the probe server's output: " + e.getMessage(), e);
        }
        Process server = null;
        try {
            server = LabClassification.startServer(lab, dir);
            List<CompletableFuture<DemoRow>> rows = new ArrayList<>();
            for (RouterPlan r : lab.plan().routers()) {
                rows.add(CompletableFuture.supplyAsync(() -> row(lab, r), LabExecutors.POOL));
            }
            return rows.stream().map(CompletableFuture::join).toList();
        } catch (LabException e) {
            return List.of(new DemoRow("server", "natprobe server on " + LabPlan.SERVER_PRIMARY + " + "
                    + LabPlan.SERVER_ALTERNATE, "did not start", false, java.time.Duration.ZERO, e.getMessage() + "\n"));
        } finally {
            // Our own child, stopped by its handle, so that a later step can start its own server.
            if (server != null) LabClassification.stop(server);
            deleteTree(dir);
        }
    }

    static DemoRow row(Lab lab, RouterPlan r) {
        LabClassification.Expected e = LabClassification.Expected.of(r.spec());
        boolean lossy = Expectation.of(r.spec()).lossPercent() > 0;
        LabClassification.Run run = lossy ? LabClassification.classify(lab, r.hosts().get(0), "--rc", LOSSY_RC)
                : LabClassification.classify(lab, r.hosts().get(0));
        List<String> bad = LabClassification.mismatches(e, run);
        String details = bad.isEmpty() ? "" : "classify behind " + r.name() + ": " + String.join("; ", bad) + "\n"
                + LabClassification.diagnostics(lab, run);
        return new DemoRow(r.name(), e.cell(), run.cell() + (run.json() == null ? "" : " " + run.text("durationMs") + " ms"),
                bad.isEmpty(), run.took(), details);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
