package io.natprobe.shell;

import io.natprobe.punch.PunchException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "keepalive", header = "Hold the hole open: on, off, or an interval.", description = {
    "Sends a small packet to the peer every INTERVAL so that both NATs keep the hole open",
    "(`on` = every 15 s, safe for most NATs; `off` lets the hole age, e.g. before `wait`)."})
final class KeepaliveStep extends Step {
    static final Duration DEFAULT = Duration.ofSeconds(15);

    static final class Values implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("on", "off", "5s", "15s", "25s").iterator();
        }
    }

    @Parameters(paramLabel = "on|off|INTERVAL", completionCandidates = Values.class,
            description = "on, off, or an interval such as 20s or 500ms")
    String value;

    KeepaliveStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        String v = value.toLowerCase(Locale.ROOT);
        Duration interval = switch (v) {
            case "on" -> DEFAULT;
            case "off" -> null;
            default -> Durations.parse(v);
        };
        if (interval != null && (interval.toMillis() < 100 || interval.toSeconds() > 3600)) {
            throw ShellError.usage("keepalive interval out of range (expected: 100ms..3600s): " + value);
        }
        ctx.link().keepalive(interval);
        ctx.out.println(interval == null ? "keepalive off: the holes will age and close when the NATs time them out."
                : "keepalive every " + Durations.show(interval) + ".");
        return 0;
    }
}
