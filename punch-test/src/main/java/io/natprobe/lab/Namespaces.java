package io.natprobe.lab;

import java.util.Arrays;
import java.util.List;

/** Lists and deletes network namespaces through a {@link CommandRunner}. */
public final class Namespaces {

    private Namespaces() {}

    /** Every namespace name on the machine ({@code ip netns list}; the first word of each line). */
    public static List<String> list(CommandRunner runner) {
        String out = runner.check(Command.of("listing network namespaces", "ip", "netns", "list")).stdout();
        return Arrays.stream(out.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }

    /** Deletes those of {@code wanted} that exist; nothing else. Returns the ones deleted. */
    public static List<String> deleteExisting(CommandRunner runner, List<String> wanted) {
        List<String> existing = list(runner);
        List<String> doomed = wanted.stream().filter(existing::contains).toList();
        if (!doomed.isEmpty()) {
            runner.run(LabBuildPlan.deleteNamespaces(doomed));
            List<String> left = list(runner).stream().filter(doomed::contains).toList();
            if (!left.isEmpty()) {
                throw new LabException("could not delete namespaces " + left
                        + " (a process may still be running in them: 'ip netns pids NAME' shows which)");
            }
        }
        return doomed;
    }
}
