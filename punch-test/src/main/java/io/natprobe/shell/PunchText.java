package io.natprobe.shell;

import io.natprobe.punch.PunchResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The verdict of `punch` in plain words: one line per direction, then the diagnosis and advice. */
final class PunchText {
    private PunchText() {}

    static void print(PunchResult r, PrintWriter out) {
        out.println(r.connected() ? "CONNECTED: the two sides can talk directly." : "NOT CONNECTED: no direct path was found.");
        for (PunchResult.DirectionResult d : r.directions()) {
            StringBuilder b = new StringBuilder("  ").append(d.first()).append(" first: ");
            if (d.connected()) {
                b.append("connected with ").append(d.strategy().name().toLowerCase(Locale.ROOT));
                if (d.timeToConnect() != null) {
                    b.append(" in ").append(Durations.show(d.timeToConnect()));
                }
                if (d.path() != null) {
                    b.append(", ").append(d.path());
                }
                if (d.remote() != null) {
                    b.append(" to ").append(StatusStep.address(d.remote()));
                }
                if (d.rtt() != null) {
                    b.append(", round trip ").append(d.rtt().toMillis()).append(" ms");
                }
            } else {
                b.append("failed (last strategy ").append(d.strategy() == null ? "none" : d.strategy().name().toLowerCase(Locale.ROOT)).append(')');
            }
            out.println(b.append(", ").append(Step.plural(d.probesSent(), "probe")).append(" sent"));
        }
        PunchResult.Diagnosis g = r.diagnosis();
        if (g != null) {
            out.println("Why: " + g.summary() + " [" + g.code() + "]");
            g.details().forEach(l -> out.println("  - " + l));
            if (!g.advice().isEmpty()) {
                out.println("Next:");
                g.advice().forEach(l -> out.println("  - " + l));
            }
        }
    }
}
