package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code natprobe shell}: the {@code natprobe>} prompt, or the same commands from a script or a pipe. */
@Command(name = "shell", header = "The natprobe> prompt: punch step by step with the other side, every packet shown live.",
        mixinStandardHelpOptions = true,
        description = {
            "The natprobe> prompt: walk through a hole punch one step at a time with the other side",
            "(the seed article's procedure), see every packet of both sides as it happens, try the other",
            "direction, let a hole time out on purpose, and save what happened for the ticket.",
            "With --script FILE or piped input, runs the same commands, echoing each, and stops at the",
            "first one that fails (exit code of that command) unless --keep-going."})
public final class ShellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--script", paramLabel = "FILE", description = "Run the commands in FILE (one per line; # comments) instead of prompting.")
    Path script;

    @Option(names = "--keep-going", description = "In a script: run the remaining lines after a command fails (the exit code is still the first failure's).")
    boolean keepGoing;

    @Option(names = "--server", paramLabel = "HOST[:PORT]", description = "Start with this probe server (same as the `server` command).")
    String server;

    @Option(names = "--history", paramLabel = "FILE", description = "Command history file. Default: ~/.natprobe_history.")
    Path history = Path.of(System.getProperty("user.home"), ".natprobe_history");

    private final PeerLinkFactory factory;

    public ShellCommand() {
        this(EnginePeerLinks.FACTORY);
    }

    ShellCommand(PeerLinkFactory factory) {
        this.factory = factory;
    }

    /** True when a person is at a terminal (stdin and stdout are both terminals). */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (script != null) {
            try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                return runScript(in, script.toString(), out, err);
            } catch (NoSuchFileException e) {
                err.println("natprobe shell: no such script file: " + script);
                return ExitCodes.USAGE;
            }
        }
        if (!onTerminal()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return runScript(in, "stdin", out, err);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("natprobe").build()) {
            InteractiveShell shell = new InteractiveShell(terminal, factory, InstantSource.system(), history);
            if (server != null) {
                shell.command(List.of("server", server));
            }
            return shell.run(welcome());
        }
    }

    private int runScript(BufferedReader in, String source, PrintWriter out, PrintWriter err) throws IOException {
        ScriptShell shell = new ScriptShell(out, err, factory, InstantSource.system(), keepGoing);
        if (server != null) {
            int code = shell.command(List.of("server", server));
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        return shell.run(in, source);
    }

    static String welcome() {
        String version = ShellCommand.class.getPackage().getImplementationVersion();
        return "natprobe shell" + (version == null ? "" : " " + version)
                + ": type `help` to see the commands and how to start; Tab completes, Ctrl-D leaves.";
    }
}
