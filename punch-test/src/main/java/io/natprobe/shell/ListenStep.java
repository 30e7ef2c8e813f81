package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import io.natprobe.punch.ListenResult;
import io.natprobe.punch.PunchException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "listen", description = {
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
        ListenResult r = ctx.link().listen(Duration.ofSeconds(seconds), ctx::isCancelled);
        ctx.out.println(text(r, seconds));
        if (r.cancelled()) {
            return ExitCodes.FAILED;
        }
        return expect && r.probesHeard() + r.answersHeard() == 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    static String text(ListenResult r, int seconds) {
        StringBuilder b = new StringBuilder(r.cancelled() ? "cancelled; until then " : "");
        if (r.probesHeard() + r.answersHeard() == 0) {
            b.append("heard nothing from the peer").append(r.cancelled() ? "" : " in " + seconds + " s");
        } else {
            b.append("heard ").append(plural(r.probesHeard(), "probe")).append(" and ")
                    .append(plural(r.answersHeard(), "answer")).append(" from ").append(StatusStep.address(r.from()));
        }
        if (r.icmpErrors() > 0) {
            b.append("; ").append(plural(r.icmpErrors(), "ICMP error"))
                    .append(" (the far side said \"port unreachable\": its NAT had no hole for us yet)");
        }
        return b.append('.').toString();
    }
}
