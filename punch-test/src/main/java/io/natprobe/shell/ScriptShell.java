package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;
import org.jline.utils.AttributedString;

/**
 * The shell without a terminal ({@code --script FILE} or piped stdin): runs the same commands, echoes
 * each as {@code natprobe> cmd}, prints packet events as plain lines, and stops at the first command
 * that fails, returning its exit code (unless keep-going: then it runs every line and returns the
 * first failure's code). Blank lines and lines starting with # are skipped.
 */
final class ScriptShell {
    private final PrintWriter stderr;
    private final boolean keepGoing;
    private final ShellContext ctx;
    private final ShellRunner runner;
    private final DefaultParser parser = InteractiveShell.parser();

    ScriptShell(PrintWriter stdout, PrintWriter stderr, PeerLinkFactory factory, InstantSource clock, boolean keepGoing) {
        this.stderr = stderr;
        this.keepGoing = keepGoing;
        PlainScreen screen = new PlainScreen(stdout, clock);
        LineWriter out = new LineWriter(l -> screen.line(new AttributedString(l)));
        LineWriter err = new LineWriter(this::errorLine);
        this.ctx = new ShellContext(new PrintWriter(out, true), new PrintWriter(err, true), screen, factory, clock);
        this.runner = new ShellRunner(ctx, out, err);
    }

    ShellContext context() {
        return ctx;
    }

    private void errorLine(String line) {
        synchronized (stderr) {
            stderr.println(line);
            stderr.flush();
        }
    }

    /** Runs one command, echoed like a script line (e.g. the --server option). */
    int command(List<String> words) {
        ctx.screen.line(new AttributedString(InteractiveShell.PROMPT + String.join(" ", words)));
        return runner.run(words);
    }

    /** Runs every line of {@code in}; {@code source} names it in messages ("script.txt", "stdin"). */
    int run(BufferedReader in, String source) throws IOException {
        int firstFailure = ExitCodes.OK;
        int number = 0;
        try {
            String line;
            while (!ctx.quitting() && (line = in.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                ctx.screen.line(new AttributedString(InteractiveShell.PROMPT + text));
                int code = runLine(text);
                if (code != ExitCodes.OK) {
                    if (firstFailure == ExitCodes.OK) {
                        firstFailure = code;
                    }
                    if (!keepGoing) {
                        errorLine("natprobe shell: stopped at " + source + " line " + number + " (exit code " + code
                                + "); add --keep-going to run the remaining lines anyway");
                        break;
                    }
                }
            }
        } finally {
            if (ctx.closeLink()) {
                ctx.out.println("left the session.");
            }
            ctx.out.flush();
        }
        return firstFailure;
    }

    private int runLine(String text) {
        List<String> words;
        try {
            words = parser.parse(text, text.length(), Parser.ParseContext.ACCEPT_LINE).words();
        } catch (SyntaxError e) {
            errorLine("cannot read the line: " + e.getMessage() + " (check the quotes)");
            return ExitCodes.USAGE;
        }
        words = words.stream().filter(w -> !w.isEmpty()).toList();
        return words.isEmpty() ? ExitCodes.OK : runner.run(words);
    }
}
