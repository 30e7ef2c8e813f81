package io.natprobe.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A fake {@link CommandRunner}: records commands, keeps a pretend list of namespaces, and fails
 * the commands a test chooses.
 */
final class RecordingRunner implements CommandRunner {

    final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<Command> failing;

    RecordingRunner(Predicate<Command> failing) {
        this.failing = failing;
    }

    RecordingRunner() {
        this(c -> false);
    }

    @Override
    public CommandResult run(Command c) {
        commands.add(c);
        if (failing.test(c)) {
            return new CommandResult(1, "", "Error: pretend failure");
        }
        List<String> argv = c.argv();
        if (argv.equals(List.of("ip", "netns", "list"))) {
            return new CommandResult(0, String.join("\n", namespaces) + "\n", "");
        }
        if (argv.contains("-batch")) {
            for (String line : c.stdin().split("\n")) {
                if (line.startsWith("netns add ")) {
                    namespaces.add(line.substring(10));
                } else if (line.startsWith("netns del ")) {
                    namespaces.remove(line.substring(10));
                }
            }
        }
        return new CommandResult(0, "", "");
    }
}
