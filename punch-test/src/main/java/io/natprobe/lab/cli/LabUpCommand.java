package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.Lab;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabPlan;
import io.natprobe.lab.LabState;
import io.natprobe.lab.LabStateStore;
import io.natprobe.lab.LabTopology;
import io.natprobe.lab.NatSpecParser;
import io.natprobe.lab.ProcessCommandRunner;
import io.natprobe.lab.TopologyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "up", description = {
    "Builds a lab: a server at 203.0.113.1 and .2, NAT routers on a simulated internet, hosts behind them.",
    "Example: natprobe lab up --nat home=eim,apdf,hairpin --nat office=apdm,apdf --cgnat office",
    "MAPPING: eim (endpoint-independent), eim-np (the same without keeping the port), adm (address-dependent), "
        + "apdm (address-and-port-dependent). FILTERING: eif, adf, apdf. Options: hairpin, timeout=S, "
        + "stream-timeout=S, loss=P%%, inbound=kernel|drop|reject, icmp=forward|block, hosts=N."
})
public final class LabUpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--nat", paramLabel = "NAME=MAPPING,FILTERING[,OPTION]...",
            description = "a NAT router (repeatable); default: home=eim,apdf")
    List<String> nats = new ArrayList<>();

    @Option(names = "--cgnat", paramLabel = "NAME[=MAPPING,FILTERING,...]",
            description = "put router NAME behind a carrier-grade NAT (its WAN then in 100.64.0.0/10); default carrier: eim,eif")
    List<String> cgnats = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "a topology file (see docs/lab.md); --nat/--cgnat add to it")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabTopology topology;
        try {
            List<String> n = new ArrayList<>();
            List<String> c = new ArrayList<>();
            if (file != null) {
                LabTopology fromFile = TopologyFile.read(file);
                for (String line : fromFile.toLines()) {
                    (line.startsWith("nat ") ? n : c).add(line.substring(line.indexOf(' ') + 1));
                }
            }
            n.addAll(nats);
            c.addAll(cgnats);
            if (n.isEmpty()) {
                n.add("home=eim,apdf");
            }
            topology = NatSpecParser.topology(n, c);
        } catch (IllegalArgumentException e) {
            err.println("natprobe lab up: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("natprobe lab up: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int pre = LabCli.preflight(err);
        if (pre >= 0) {
            return pre;
        }
        try {
            Lab lab = Lab.up(topology, LabState.OWNER_CLI, new ProcessCommandRunner(), LabStateStore.fromEnvironment());
            describe(lab.plan(), out);
            return ExitCodes.OK;
        } catch (LabException e) {
            err.println("natprobe lab up: " + e.getMessage());
            err.println("Everything this attempt created has been removed again.");
            return ExitCodes.FAILED;
        }
    }

    static void describe(LabPlan plan, PrintWriter out) {
        out.println("lab " + plan.id() + " is up.");
        LabPrinter.describe(plan, out);
        String firstHost = plan.hosts().get(0).name();
        out.println("Run a command on a host:   natprobe lab exec " + firstHost + " -- ip addr");
        out.println("Look at a router's NAT:    natprobe lab exec " + plan.routers().get(0).name() + " -- conntrack -L");
        out.println("Check the behaviours:      natprobe lab selfcheck");
        out.println("Tear it down:              natprobe lab down");
    }
}
