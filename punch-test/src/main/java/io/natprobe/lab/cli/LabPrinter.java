package io.natprobe.lab.cli;

import io.natprobe.lab.HostPlan;
import io.natprobe.lab.LabPlan;
import io.natprobe.lab.RouterPlan;
import java.io.PrintWriter;

/** Prints a lab's routers and hosts (shared by status and up). */
final class LabPrinter {

    private LabPrinter() {}

    static void describe(LabPlan plan, PrintWriter out) {
        out.println("  server    " + LabPlan.SERVER_PRIMARY + ", " + LabPlan.SERVER_ALTERNATE);
        for (RouterPlan r : plan.routers()) {
            out.printf("  router    %-10s %-30s public %s%s, LAN %s%n", r.name(), r.spec().options(), r.publicAddress(),
                    r.carrier().map(c -> " via carrier NAT " + r.name() + "-cgn (" + c.spec().options() + "), WAN "
                            + r.wanAddress()).orElse(""), r.lanPrefix());
            for (HostPlan h : r.hosts()) {
                out.printf("    host    %-10s %s%n", h.name(), h.address());
            }
        }
    }
}
