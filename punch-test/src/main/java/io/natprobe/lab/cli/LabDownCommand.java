package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabJanitor;
import io.natprobe.lab.LabStateStore;
import io.natprobe.lab.ProcessCommandRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "down", description = {
    "Removes labs: those made by 'lab up', and any left over by a crashed test or demo. Safe to run twice.",
    "Only namespaces the lab made (named npl-ID-...) are removed; nothing else is touched."
})
public final class LabDownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", paramLabel = "ID", description = "remove only this lab")
    String labId;

    @Option(names = "--all", description = "also remove labs of test or demo processes that are still running,"
            + " and lab namespaces (npl-...) that no state file explains")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int pre = LabCli.preflight(err);
        if (pre >= 0) {
            return pre;
        }
        try {
            LabJanitor janitor = new LabJanitor(new ProcessCommandRunner(), LabStateStore.fromEnvironment());
            if (labId != null) {
                int n = janitor.down(labId).size();
                out.println(n == 0 ? "lab " + labId + " is not up (nothing to remove)" : "removed lab " + labId + " (" + n + " namespaces)");
                return ExitCodes.OK;
            }
            List<String> report = new ArrayList<>();
            janitor.downAll(all, report);
            if (report.isEmpty()) {
                out.println("No lab is up (nothing to remove).");
            }
            report.forEach(out::println);
            return ExitCodes.OK;
        } catch (LabException e) {
            err.println("natprobe lab down: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
