package io.natprobe.shell;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "help", description = "Lists the commands, or explains one: `help open`.")
final class HelpStep extends Step {

    /** Completion values: the command names. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ShellRoot.COMMAND_NAMES.iterator();
        }
    }

    @Parameters(arity = "0..1", paramLabel = "COMMAND", completionCandidates = Names.class, description = "The command to explain.")
    String command;

    @Spec
    CommandLine.Model.CommandSpec spec;

    HelpStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        CommandLine root = spec.commandLine().getParent();
        Map<String, CommandLine> all = root.getSubcommands();
        if (command == null) {
            ctx.out.println("The article's procedure, step by step (run the same on both sides, A first):");
            ctx.out.println("  server H:P, session new | session join CODE, open, ask, listen, send, wait S, status, timeline");
            ctx.out.println();
            for (String name : ShellRoot.COMMAND_NAMES) {
                String[] d = all.get(name).getCommandSpec().usageMessage().description();
                ctx.out.printf(Locale.ROOT, "  %-10s %s%n", name, d.length == 0 ? "" : d[0]);
            }
            ctx.out.println();
            ctx.out.println("`help COMMAND` explains one. Tab completes, Ctrl-C stops a running step, Ctrl-D or `quit` leaves.");
            return 0;
        }
        CommandLine c = all.get(command.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw ShellError.usage(ShellRunner.unknown(command));
        }
        c.usage(ctx.out);
        return 0;
    }
}
