package io.natprobe.shell;

import io.natprobe.log.PacketEvent;
import io.natprobe.punch.PunchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

@Command(name = "timeline", header = "Both sides' packet events merged into one timeline.", description = {
    "Both sides' packet events merged into one timeline (the peer's log is fetched through the",
    "server and its clock aligned to ours): what each side sent and what the other side received.",
    "`timeline --filter punch` keeps the probes only (filter words as for `log`)."})
final class TimelineStep extends Step {
    static final Duration FETCH_WAIT = Duration.ofSeconds(3);

    @Option(names = "--filter", paramLabel = "WORD", completionCandidates = EventFilter.Keywords.class,
            description = "Keep only matching events (as for `log --filter`); repeatable.")
    List<String> filters = new ArrayList<>();

    TimelineStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        List<PacketEvent> all = ctx.link().timeline(FETCH_WAIT, ctx::isCancelled);
        List<PacketEvent> events = EventFilter.apply(all, filters, null);
        LogStep.print(ctx, events, all.isEmpty() ? null : all.get(0).at());
        if (events.isEmpty()) {
            ctx.out.println("(no events yet)");
        }
        return 0;
    }
}
