package io.natprobe.lab;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code natprobe lab demo}: one router of every behaviour the lab can make, then each
 * {@link DemoStep} in turn, each printing a table of configured vs measured.
 */
public final class LabDemo {

    /** Short timeouts so that the binding lifetimes can be shown within the demo's time. */
    static final String T = ",timeout=3,stream-timeout=6";

    /** Every mapping x filtering combination once, with the other knobs spread over them, plus a CGNAT. */
    public static LabTopology topology() {
        List<String> nats = List.of(
                "eimeif=eim,eif,icmp=block" + T,
                "eimadf=eim,adf" + T,
                "eimapdf=eim,apdf,hairpin" + T,
                "npeif=eim-np,eif" + T,
                "npadf=eim-np,adf,loss=20%" + T,
                "npapdf=eim-np,apdf,inbound=reject" + T,
                "admeif=adm,eif,hairpin" + T,
                "admadf=adm,adf" + T,
                "admapdf=adm,apdf,inbound=drop" + T,
                "apdmeif=apdm,eif" + T,
                "apdmadf=apdm,adf" + T,
                "apdmapdf=apdm,apdf" + T,
                "cgnat=eim,apdf" + T);
        return NatSpecParser.topology(nats, List.of("cgnat"));
    }

    public static List<DemoStep> steps() {
        return List.of(new SelfCheckStep(), new ClassifyStep(), new PunchMatrixStep());
    }

    /** Runs the steps and prints their tables; returns whether every row matched. */
    public static boolean run(Lab lab, List<DemoStep> steps, PrintWriter out) {
        boolean all = true;
        for (DemoStep step : steps) {
            long t0 = System.nanoTime();
            List<DemoRow> rows = step.run(lab);
            out.println();
            out.println("== " + step.title() + " (" + Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0 + " s)");
            out.print(table(rows));
            for (DemoRow r : rows) {
                if (!r.match() && !r.details().isEmpty()) {
                    out.println();
                    out.print(r.details());
                }
                all &= r.match();
            }
            out.flush();
        }
        return all;
    }

    /** The rows as an aligned text table. */
    public static String table(List<DemoRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"router", "configured", "measured", "verdict", "time"});
        for (DemoRow r : rows) {
            cells.add(new String[] {r.subject(), r.configured(), r.measured(), r.match() ? "match" : "MISMATCH",
                String.format("%.1f s", r.took().toMillis() / 1000.0)});
        }
        int[] w = new int[5];
        for (String[] c : cells) {
            for (int i = 0; i < 5; i++) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] c : cells) {
            for (int i = 0; i < 5; i++) {
                b.append(i == 4 ? String.format("%" + w[i] + "s", c[i]) : String.format("%-" + w[i] + "s  ", c[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
