package io.natprobe.shell;

import io.natprobe.log.EventType;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "live", header = "Which packet events print live above the prompt.", description = {
    "Chooses which packet events print live above the prompt: `live all` (the default), `live off`,",
    "or filter words as for `log --filter`, e.g. `live no-rendezvous` hides the server traffic. State",
    "changes always show unless `live off`. `log` still has every event."})
final class LiveStep extends Step {

    @Parameters(arity = "1..*", paramLabel = "all|off|WORD", completionCandidates = Values.class,
            description = "all, off, or filter words (sent, received, punch, no-rendezvous, ...)")
    List<String> words = new ArrayList<>();

    static final class Values implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> v = new ArrayList<>(List.of("all", "off"));
            v.addAll(EventFilter.KEYWORDS);
            return v.iterator();
        }
    }

    LiveStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        if (words.size() == 1 && words.get(0).equalsIgnoreCase("all")) {
            ctx.live.show(e -> true);
            ctx.out.println("every event prints live.");
        } else if (words.size() == 1 && words.get(0).equalsIgnoreCase("off")) {
            ctx.live.show(e -> false);
            ctx.out.println("no live lines (`log` shows the events, `live all` brings them back).");
        } else {
            var filter = EventFilter.all(words);
            ctx.live.show(e -> e.type() == EventType.STATE || filter.test(e));
            ctx.out.println("live lines: " + String.join(" ", words) + " (and state changes).");
        }
        return 0;
    }
}
