package io.natprobe.shell;

import io.natprobe.punch.PunchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "send", header = "Send probes to the peer.", description = "Sends probes to the peer now (the peer answers each one it receives).")
final class SendStep extends Step {

    @Parameters(arity = "0..1", paramLabel = "N", defaultValue = "1", description = "Probes to send. Default: ${DEFAULT-VALUE}.")
    int count;

    SendStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        range("N", count, 1, 1000);
        ctx.link().send(count);
        ctx.out.println("sent " + plural(count, "probe") + " to the peer.");
        return 0;
    }
}
