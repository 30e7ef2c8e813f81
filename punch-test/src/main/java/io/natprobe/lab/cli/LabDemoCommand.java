package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.Lab;
import io.natprobe.lab.LabDemo;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabPlan;
import io.natprobe.lab.LabState;
import io.natprobe.lab.LabStateStore;
import io.natprobe.lab.ProcessCommandRunner;
import io.natprobe.lab.RouterPlan;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "demo", description = {
    "Shows every NAT behaviour the lab can make, checked packet by packet, then classified (about 30 s).",
    "Builds one router of every mapping x filtering (with hairpin, inbound and ICMP policies, packet loss "
        + "and a carrier-grade NAT spread over them), checks each from a host behind it with raw UDP probes, "
        + "runs 'natprobe classify' behind each against the probe server, prints configured vs measured, "
        + "and removes the lab again (also on Ctrl-C)."
})
public final class LabDemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int pre = LabCli.preflight(err);
        if (pre >= 0) {
            return pre;
        }
        long t0 = System.nanoTime();
        AtomicReference<Lab> labRef = new AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            Lab l = labRef.getAndSet(null);
            if (l != null) {
                l.close();
            }
        }, "lab-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            out.println("Building the lab: " + LabDemo.topology().routers().size() + " NAT routers in network namespaces...");
            out.flush();
            Lab lab = Lab.up(LabDemo.topology(), LabState.OWNER_PROCESS, new ProcessCommandRunner(), LabStateStore.fromEnvironment());
            labRef.set(lab);
            LabPlan plan = lab.plan();
            out.printf("lab %s is up in %.1f s: server %s/%s, routers %s%n", plan.id(), (System.nanoTime() - t0) / 1e9,
                    LabPlan.SERVER_PRIMARY, LabPlan.SERVER_ALTERNATE,
                    String.join(" ", plan.routers().stream().map(RouterPlan::name).toList()));
            out.println("EIM/ADM/APDM = endpoint-independent / address-dependent / address-and-port-dependent mapping;"
                    + " EIF/ADF/APDF = the same for filtering (RFC 4787).");
            boolean ok = LabDemo.run(lab, LabDemo.steps(), out);
            out.println();
            out.printf("%s in %.1f s. Removing the lab...%n", ok ? "Every router behaved as configured"
                    : "Some routers did NOT behave as configured", (System.nanoTime() - t0) / 1e9);
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (LabException e) {
            err.println("natprobe lab demo: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs (and finds nothing left to do)
            }
        }
    }
}
