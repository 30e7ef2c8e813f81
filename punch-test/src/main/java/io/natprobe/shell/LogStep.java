package io.natprobe.shell;

import io.natprobe.log.PacketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "log", header = "The packet events so far, filtered.", description = {
    "Shows the packet events seen so far (this side's, and the peer's that arrived live), in the",
    "same format as the live lines. Filters combine: `log --filter punch --filter in --tail 5`."})
final class LogStep extends Step {

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N events.")
    Integer tail;

    @Option(names = "--filter", paramLabel = "WORD", completionCandidates = EventFilter.Keywords.class,
            description = "sent|received|out|in|timeout|icmp|state|lost, stun|rendezvous|punch|keepalive|other, self|peer, or any text.")
    List<String> filters = new ArrayList<>();

    LogStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        if (tail != null) {
            range("--tail", tail, 1, 1_000_000);
        }
        List<PacketEvent> all = ctx.recorder.events();
        List<PacketEvent> shown = EventFilter.apply(all, filters, tail);
        print(ctx, shown, ctx.live.start());
        if (all.isEmpty()) {
            ctx.out.println("(no events yet)");
        } else if (shown.isEmpty()) {
            ctx.out.println("(none of the " + plural(all.size(), "event") + " matches)");
        }
        if (ctx.recorder.dropped() > 0) {
            ctx.out.println("(" + ctx.recorder.dropped() + " later events were not kept: memory limit)");
        }
        return 0;
    }

    static void print(ShellContext ctx, List<PacketEvent> events, Instant start) {
        Instant s = start != null ? start : events.isEmpty() ? null : events.get(0).at();
        for (PacketEvent e : events) {
            ctx.screen.line(EventStyle.line(e, s));
        }
    }
}
