package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabPlan;
import io.natprobe.lab.LabStateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "exec", description = {
    "Runs a command on a lab host (or router, 'NAME-cgn' carrier, 'server', 'internet') and passes its exit code through.",
    "Example: natprobe lab exec home-1 -- ./natprobe classify --server 203.0.113.1"
})
public final class LabExecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", paramLabel = "ID", description = "which lab (needed when several are up)")
    String labId;

    @Parameters(index = "0", paramLabel = "TARGET", description = "host (e.g. home-1), router name, NAME-cgn, server or internet")
    String target;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*", description = "the command and its arguments (after --)")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int pre = LabCli.preflight(err);
        if (pre >= 0) {
            return pre;
        }
        LabPlan plan;
        try {
            plan = LabCli.find(LabStateStore.fromEnvironment(), labId).plan();
        } catch (IllegalArgumentException | LabException e) {
            err.println("natprobe lab exec: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String ns = plan.namespaceOf(target).orElse(null);
        if (ns == null) {
            List<String> names = new ArrayList<>(List.of("server", "internet"));
            plan.routers().forEach(r -> names.add(r.name()));
            plan.hosts().forEach(h -> names.add(h.name()));
            err.println("natprobe lab exec: lab " + plan.id() + " has no host or router '" + target + "' (try: "
                    + String.join(", ", names) + ")");
            return ExitCodes.USAGE;
        }
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        argv.addAll(command);
        spec.commandLine().getOut().flush();
        try {
            Process p = new ProcessBuilder(argv).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            err.println("natprobe lab exec: cannot run " + String.join(" ", command) + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        }
    }
}
