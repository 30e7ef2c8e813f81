package io.natprobe.shell;

import io.natprobe.punch.PunchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ask", header = "Step 2: ask the peer, through the server, to send to us.", description = {
    "The article's step 2: ask the peer, through the server, to send to us now. Its packets open its",
    "own NAT's hole toward us and, if our hole is still open, arrive here."})
final class AskStep extends Step {

    @Parameters(arity = "0..1", paramLabel = "N", defaultValue = "1", description = "Probes the peer should send. Default: ${DEFAULT-VALUE}.")
    int count;

    AskStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        range("N", count, 1, 100);
        ctx.link().ask(count);
        ctx.out.println("asked the peer to send " + plural(count, "probe") + " to us. Next: `listen` to see them arrive.");
        return 0;
    }
}
