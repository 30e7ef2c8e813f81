package io.natprobe.shell;

import io.natprobe.punch.PeerLink;
import picocli.CommandLine.Command;

@Command(name = "reset", header = "Forget the attempt so far, keep the session.", description = "Forgets the attempt so far (holes, counters, the log) but stays in the session, to start over.")
final class ResetStep extends Step {

    ResetStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        PeerLink link = ctx.linkOrNull();
        if (link != null) {
            link.reset();
        }
        ctx.forget();
        ctx.out.println(link == null ? "forgot the log." : "forgot the attempt so far; still in the session.");
        return 0;
    }
}
