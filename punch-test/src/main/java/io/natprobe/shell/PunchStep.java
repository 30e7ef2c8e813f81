package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import io.natprobe.punch.PunchException;
import io.natprobe.punch.PunchOptions;
import io.natprobe.punch.PunchResult;
import io.natprobe.rendezvous.Role;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "punch", header = "The automatic attempt: strategy, direction, verdict and reason.", description = {
    "The automatic attempt: runs a strategy in one or both directions and ends with a verdict and",
    "the reason. By default every strategy, each side going first in turn. Ctrl-C stops it."})
final class PunchStep extends Step {

    /** Completion values for --strategy. */
    static final class Strategies implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(PunchOptions.Strategy.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /** Completion values for --direction. */
    static final class Directions implements Iterable<String> {
        static final List<String> ALL = List.of("both", "a-first", "b-first", "me-first", "peer-first");

        @Override
        public java.util.Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @Option(names = "--strategy", paramLabel = "S", completionCandidates = Strategies.class,
            description = "One of ${COMPLETION-CANDIDATES}. Default: all (each in turn until one connects).")
    String strategy = "all";

    @Option(names = "--direction", paramLabel = "D", completionCandidates = Directions.class,
            description = "Who sends first: ${COMPLETION-CANDIDATES}. Default: both (one after the other).")
    String direction;

    @Option(names = "--reverse", description = "The peer goes first (the article's tip 3: the other direction may work).")
    boolean reverse;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "Give up after S seconds per direction. Default: ${DEFAULT-VALUE}.")
    int timeout;

    PunchStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        range("--timeout", timeout, 1, 600);
        if (reverse && direction != null) {
            throw ShellError.usage("give either --reverse or --direction, not both");
        }
        PunchOptions.Strategy s = strategy(strategy);
        String dir = reverse ? "peer-first" : direction == null ? "both" : direction;
        direction(dir, Role.A); // checks the word before anything runs
        var link = ctx.link();
        PunchOptions.Direction d = direction(dir, link.status().role());
        PunchOptions options = new PunchOptions(s, d, Duration.ofSeconds(timeout),
                PunchOptions.defaults().interval());
        PunchResult r = link.punch(options, ctx::isCancelled);
        ctx.lastPunch(r);
        PunchText.print(r, ctx.out);
        return r.connected() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static PunchOptions.Strategy strategy(String s) {
        try {
            return PunchOptions.Strategy.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ShellError.usage("unknown strategy \"" + s + "\" (expected one of: "
                    + String.join(", ", new Strategies()) + ")");
        }
    }

    static PunchOptions.Direction direction(String s, Role me) {
        String d = s.toLowerCase(Locale.ROOT);
        if ((d.equals("me-first") || d.equals("peer-first")) && me == null) {
            throw ShellError.usage("--direction " + d + " needs to know our role: join a session first");
        }
        return switch (d) {
            case "both" -> PunchOptions.Direction.BOTH;
            case "a-first" -> PunchOptions.Direction.A_FIRST;
            case "b-first" -> PunchOptions.Direction.B_FIRST;
            case "me-first" -> me == Role.A ? PunchOptions.Direction.A_FIRST : PunchOptions.Direction.B_FIRST;
            case "peer-first" -> me == Role.A ? PunchOptions.Direction.B_FIRST : PunchOptions.Direction.A_FIRST;
            default -> throw ShellError.usage("unknown direction \"" + s + "\" (expected one of: "
                    + String.join(", ", Directions.ALL) + ")");
        };
    }
}
