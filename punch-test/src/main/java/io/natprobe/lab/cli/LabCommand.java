package io.natprobe.lab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code natprobe lab ...}: real Linux NATs in network namespaces. */
@Command(mixinStandardHelpOptions = true, name = "lab", header = "Real Linux NATs in network namespaces (root): up, status, exec, selfcheck, down, demo.",
        description = {
            "Real Linux NATs in network namespaces (needs root): build one, look at it, run commands on its "
                + "hosts, check it, tear it down. 'lab demo' shows every NAT behaviour the lab can make. "
                + "Nothing outside the lab's own namespaces is changed. See docs/lab.md."
        },
        subcommands = {
            LabUpCommand.class, LabStatusCommand.class, LabExecCommand.class, LabDownCommand.class,
            LabSelfCheckCommand.class, LabDemoCommand.class, LabAgentCommand.class
        })
public final class LabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
