package io.natprobe.punch;

import io.natprobe.log.PacketLineFormat;
import java.io.PrintWriter;
import java.util.Locale;

/** The verdict of {@code natprobe punch} in plain words, for a support engineer. */
public final class PunchText {
    private PunchText() {}

    public static void print(PrintWriter out, LinkStatus status, PunchResult r) {
        out.println();
        out.println(r.connected() ? "CONNECTED: " + r.diagnosis().summary() : "FAILED: " + r.diagnosis().summary());
        out.println("  session " + status.session() + ", you are " + status.role() + " at "
                + addr(status.mapped()) + ", the peer at " + addr(status.peerReflexive()));
        for (PunchResult.DirectionResult d : r.directions()) {
            StringBuilder b = new StringBuilder("  ").append(d.first()).append(" first: ");
            if (d.connected()) {
                b.append("connected ").append(d.path()).append(" with ").append(addr(d.remote())).append(" by ")
                        .append(d.strategy().name().toLowerCase(Locale.ROOT));
                if (d.timeToConnect() != null) {
                    b.append(" in ").append(d.timeToConnect().toMillis()).append(" ms");
                }
                if (d.rtt() != null) {
                    b.append(String.format(Locale.ROOT, ", round trip %.1f ms", d.rtt().toNanos() / 1e6));
                }
            } else {
                b.append("failed (last tried: ").append(d.strategy().name().toLowerCase(Locale.ROOT)).append(")");
            }
            b.append(", ").append(io.natprobe.report.Plural.of(d.probesSent(), "probe")).append(" sent");
            out.println(b);
        }
        if (!r.diagnosis().details().isEmpty()) {
            out.println("What we saw:");
            r.diagnosis().details().forEach(d -> out.println("  - " + d));
        }
        if (!r.diagnosis().advice().isEmpty()) {
            out.println("What to try:");
            r.diagnosis().advice().forEach(a -> out.println("  - " + a));
        }
        out.println("(diagnosis code: " + r.diagnosis().code() + ", docs/punch.md)");
    }

    private static String addr(java.net.InetSocketAddress a) {
        return a == null ? "(unknown)" : PacketLineFormat.address(a);
    }
}
