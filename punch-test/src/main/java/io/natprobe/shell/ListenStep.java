package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import io.natprobe.punch.ListenResult;
import io.natprobe.punch.PunchException;
import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.TrafficKind;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "listen", header = "Wait for the peer's probes and say what arrived.", description = {
    "Waits for the peer's probes (answering each) and says what arrived. Ctrl-C stops early."})
final class ListenStep extends Step {

    @Parameters(arity = "0..1", paramLabel = "S", defaultValue = "5", description = "Seconds to wait. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--expect", description = "Fail (exit code 1) if nothing arrives: for scripts that check a step worked.")
    boolean expect;

    ListenStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        range("S", seconds, 1, 3600);
        Instant start = ctx.clock.instant();
        ListenResult r = ctx.link().listen(Duration.ofSeconds(seconds), ctx::isCancelled);
        long during = ctx.recorder.events().stream().filter(e -> e.origin() == Origin.SELF && e.type() == EventType.RECEIVED
                && (e.kind() == TrafficKind.PUNCH || e.kind() == TrafficKind.KEEPALIVE) && !e.at().isBefore(start)).count();
        ctx.out.println(text(r, seconds, during));
        if (r.cancelled()) {
            return ExitCodes.FAILED;
        }
        return expect && r.probesHeard() + r.answersHeard() == 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * The engine counts what arrived since the previous `listen` (so probes that came right after
     * `ask` count); {@code during} says how many of the peer's packets arrived while this one ran.
     */
    static String text(ListenResult r, int seconds, long during) {
        StringBuilder b = new StringBuilder(r.cancelled() ? "cancelled; until then " : "");
        if (r.probesHeard() + r.answersHeard() == 0) {
            b.append("heard nothing from the peer").append(r.cancelled() ? "" : " in " + seconds + " s");
        } else {
            b.append("heard ").append(plural(r.probesHeard(), "probe")).append(" and ")
                    .append(plural(r.answersHeard(), "answer")).append(" from ").append(StatusStep.address(r.from()))
                    .append(" since the last `listen`");
            if (during == 0 && !r.cancelled()) {
                b.append("; nothing arrived during these ").append(seconds).append(" s");
            }
        }
        if (r.icmpErrors() > 0) {
            b.append("; ").append(plural(r.icmpErrors(), "ICMP error"))
                    .append(" (the far side said \"port unreachable\": its NAT had no hole for us yet)");
        }
        return b.append('.').toString();
    }
}
