package io.natprobe.shell;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "help", header = "List the commands, or explain one.", description = "Lists the commands, or explains one: `help open`.")
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
            ctx.out.println("Start with `server HOST:PORT`, then `session new` (read the code to the other side) or");
            ctx.out.println("`session join CODE`. Then the article's steps: `open`, `ask`, `listen`, `send`; `wait S` lets");
            ctx.out.println("a hole age; `punch` tries it all automatically; `save` keeps what happened.");
            ctx.out.println();
            for (String name : ShellRoot.COMMAND_NAMES) {
                String[] d = all.get(name).getCommandSpec().usageMessage().header();
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
