package io.natprobe.shell;

import picocli.CommandLine.Command;

@Command(name = "quit", header = "Leave the session on the server and the shell.", aliases = "exit", description = "Leaves the session on the server and the shell (Ctrl-D does the same).")
final class QuitStep extends Step {

    QuitStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        ctx.quit();
        return 0;
    }
}
