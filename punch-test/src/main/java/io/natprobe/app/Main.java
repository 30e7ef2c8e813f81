package io.natprobe.app;

import io.natprobe.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single {@code natprobe} launcher: wires every subcommand of every module into one binary.
 * Each subcommand is a thin picocli command that parses, calls the library and returns an exit code.
 */
@Command(
        name = "natprobe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
            "Finds out why two computers behind NATs and firewalls can or cannot talk to each other directly,"
                    + " and proves it packet by packet. Start with `natprobe classify`; `natprobe help COMMAND`"
                    + " explains a command; docs/user-guide.md explains the results.",
            ""
        },
        subcommands = {
            io.natprobe.cli.ClassifyCommand.class,
            io.natprobe.cli.LifetimeCommand.class,
            io.natprobe.cli.PunchCommand.class,
            io.natprobe.server.ServerCommand.class,
            io.natprobe.lab.cli.LabCommand.class,
            io.natprobe.cli.DecodeCommand.class,
            io.natprobe.cli.ReportCommand.class,
            io.natprobe.bench.BenchCommand.class,
            io.natprobe.shell.ShellCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs natprobe with the given arguments and returns the exit code (for tests). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        return cl;
    }

    @Override
    public Integer call() {
        // No subcommand: a person at a terminal gets the natprobe> prompt; a script or pipe gets the overview.
        if (io.natprobe.shell.ShellCommand.onTerminal()) {
            return spec.commandLine().getSubcommands().get("shell").execute();
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
