package io.natprobe.shell;

import java.util.List;
import picocli.CommandLine.Command;

/** The root of the shell's commands (one picocli subcommand per step), as in picocli-shell-jline3's example. */
@Command(name = "", description = "natprobe shell commands",
        subcommands = {HelpStep.class, ServerStep.class, ClassifyStep.class, SessionStep.class, StatusStep.class,
            OpenStep.class, AskStep.class, SendStep.class, ListenStep.class, WaitStep.class, PunchStep.class,
            KeepaliveStep.class, TtlStep.class, LogStep.class, LiveStep.class, TimelineStep.class, SaveStep.class, ResetStep.class,
            QuitStep.class})
final class ShellRoot implements Runnable {

    /** In the order `help` lists them. */
    static final List<String> COMMAND_NAMES = List.of("help", "server", "classify", "session", "status", "open", "ask",
            "send", "listen", "wait", "punch", "keepalive", "ttl", "log", "live", "timeline", "save", "reset", "quit");

    @Override
    public void run() {
        // An empty line never reaches picocli; nothing to do.
    }
}
