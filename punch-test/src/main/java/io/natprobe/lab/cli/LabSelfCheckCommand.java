package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.Lab;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabSelfCheck;
import io.natprobe.lab.LabStateStore;
import io.natprobe.lab.ProcessCommandRunner;
import io.natprobe.lab.RouterReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "selfcheck", description = {
    "Checks with raw UDP probes that every router of a lab behaves as configured.",
    "Covers mapping, filtering, hairpin, inbound and ICMP policy, loss, and timeouts up to 12 s. "
        + "Exit 0 when all match, 1 otherwise."
})
public final class LabSelfCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", paramLabel = "ID", description = "which lab (needed when several are up)")
    String labId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int pre = LabCli.preflight(err);
        if (pre >= 0) {
            return pre;
        }
        LabStateStore store = LabStateStore.fromEnvironment();
        Lab lab;
        try {
            lab = Lab.attach(LabCli.find(store, labId), new ProcessCommandRunner(), store);
        } catch (IllegalArgumentException | LabException e) {
            err.println("natprobe lab selfcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            List<RouterReport> reports = LabSelfCheck.run(lab);
            reports.forEach(r -> out.print(r.details()));
            boolean ok = reports.stream().allMatch(RouterReport::passed);
            out.println(ok ? "Every router behaves as configured." : "Some routers do NOT behave as configured (see above).");
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (LabException e) {
            err.println("natprobe lab selfcheck: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            lab.stopAgents();
        }
    }
}
