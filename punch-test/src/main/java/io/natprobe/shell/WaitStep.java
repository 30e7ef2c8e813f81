package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import io.natprobe.punch.LinkStatus;
import io.natprobe.punch.PeerLink;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "wait", header = "Let the holes age on purpose, with a countdown.", description = {
    "Does nothing for S seconds, on purpose: lets the holes age (NATs close an idle hole after",
    "30 s to a few minutes). Shows a countdown and the hole age. Ctrl-C stops early."})
final class WaitStep extends Step {
    private static final long TICK_MILLIS = 100;

    @Parameters(paramLabel = "S", description = "Seconds to wait.")
    int seconds;

    WaitStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws InterruptedException {
        range("S", seconds, 1, 86_400);
        Instant start = ctx.clock.instant();
        Instant end = start.plusSeconds(seconds);
        try {
            while (!ctx.isCancelled()) {
                Instant now = ctx.clock.instant();
                if (!now.isBefore(end)) {
                    break;
                }
                long left = Duration.between(now, end).toSeconds() + 1;
                ctx.screen.progress("waiting: " + left + " s left of " + seconds + " s" + holeAge(true));
                Thread.sleep(Math.min(TICK_MILLIS, Duration.between(now, end).toMillis() + 1));
            }
        } finally {
            ctx.screen.endProgress();
        }
        Duration waited = Duration.between(start, ctx.clock.instant());
        if (ctx.isCancelled()) {
            ctx.out.println("cancelled after " + Durations.show(waited) + " of " + seconds + " s" + holeAge(false) + ".");
            return ExitCodes.FAILED;
        }
        ctx.out.println("waited " + seconds + " s" + holeAge(false) + ".");
        return ExitCodes.OK;
    }

    /** The hole age for the countdown (whole seconds, so the line changes once a second) or the final line. */
    private String holeAge(boolean whole) {
        PeerLink link = ctx.linkOrNull();
        if (link == null) {
            return "";
        }
        LinkStatus s = link.status();
        if (s.holeAge() == null) {
            return "; no hole yet";
        }
        if (whole) {
            return "; hole age " + s.holeAge().toSeconds() + " s";
        }
        return "; hole age " + Durations.show(s.holeAge())
                + (s.lastHeard() == null ? "" : ", last heard the peer " + Durations.show(s.lastHeard()) + " ago");
    }
}
