package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabPlan;
import io.natprobe.lab.LabState;
import io.natprobe.lab.LabStateStore;
import io.natprobe.lab.Namespaces;
import io.natprobe.lab.ProcessCommandRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "status", description = "Lists the labs that are up, with their routers, hosts and addresses.")
public final class LabStatusCommand implements Callable<Integer> {

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
        try {
            List<String> problems = new ArrayList<>();
            List<LabState> labs = LabStateStore.fromEnvironment().list(problems);
            problems.forEach(err::println);
            List<String> existing = Namespaces.list(new ProcessCommandRunner());
            if (labs.isEmpty()) {
                out.println("No lab is up. Start one with: natprobe lab up --nat home=eim,apdf");
            }
            for (LabState s : labs) {
                LabPlan plan = s.plan();
                List<String> missing = plan.namespaces().stream().filter(n -> !existing.contains(n)).toList();
                String owner = s.owner().equals(LabState.OWNER_CLI) ? "made by 'lab up'"
                        : (s.ownerGone() ? "LEFT OVER by process " : "in use by process ") + s.ownerPid();
                out.println("lab " + s.id() + " (" + owner + ", since " + s.created() + ")"
                        + (missing.isEmpty() ? "" : " - missing namespaces: " + missing + "; run 'natprobe lab down'"));
                LabPrinter.describe(plan, out);
            }
            long orphans = existing.stream().filter(n -> LabPlan.idOfNamespace(n).isPresent()
                    && labs.stream().noneMatch(l -> n.startsWith(LabPlan.PREFIX + l.id()))).count();
            if (orphans > 0) {
                out.println(orphans + " lab namespaces belong to no known lab: 'natprobe lab down' removes them.");
            }
            return ExitCodes.OK;
        } catch (LabException e) {
            err.println("natprobe lab status: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
