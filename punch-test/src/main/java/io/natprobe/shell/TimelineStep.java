package io.natprobe.shell;

import io.natprobe.log.PacketEvent;
import io.natprobe.punch.PunchException;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "timeline", description = {
    "Both sides' packet events merged into one timeline (the peer's log is fetched through the",
    "server and its clock aligned to ours): what each side sent and what the other side received."})
final class TimelineStep extends Step {
    static final Duration FETCH_WAIT = Duration.ofSeconds(3);

    TimelineStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        List<PacketEvent> events = ctx.link().timeline(FETCH_WAIT, ctx::isCancelled);
        LogStep.print(ctx, events, events.isEmpty() ? null : events.get(0).at());
        if (events.isEmpty()) {
            ctx.out.println("(no events yet)");
        }
        return 0;
    }
}
