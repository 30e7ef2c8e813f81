package io.natprobe.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The {@code natprobe>} prompt on a terminal: line editing, Tab completion, history in a file,
 * packet events printed above the prompt as they happen. Ctrl-C at the prompt clears the line;
 * while a step runs it cancels the step (the terminal's INT signal sets the step's cancel flag), not
 * the shell. Ctrl-D on an empty line or `quit` leaves the session on the server and returns.
 */
final class InteractiveShell {
    static final String PROMPT = "natprobe> ";

    private final Terminal terminal;
    private final LineReaderImpl reader;
    private final ShellContext ctx;
    private final ShellRunner runner;

    InteractiveShell(Terminal terminal, PeerLinkFactory factory, InstantSource clock, Path history) {
        this.terminal = terminal;
        this.reader = (LineReaderImpl) LineReaderBuilder.builder().terminal(terminal).appName("natprobe")
                .parser(parser()).variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        Screen screen = new TerminalScreen(reader);
        LineWriter out = new LineWriter(l -> screen.line(new AttributedString(l)));
        LineWriter err = new LineWriter(l -> screen.line(EventStyle.error(l)));
        this.ctx = new ShellContext(new PrintWriter(out, true), new PrintWriter(err, true), screen, factory, clock);
        this.runner = new ShellRunner(ctx, out, err);
        reader.setCompleter(new ShellCompleter(runner.commandLine().getCommandSpec()));
    }

    static DefaultParser parser() {
        DefaultParser p = new DefaultParser();
        p.setLineCommentDelims(new String[] {"#"});
        p.setEofOnUnclosedQuote(false);
        return p;
    }

    ShellContext context() {
        return ctx;
    }

    LineReader reader() {
        return reader;
    }

    /** Runs one command as if typed (e.g. the --server option). */
    int command(List<String> words) {
        return runner.run(words);
    }

    /** Runs until `quit` or Ctrl-D; returns 0. */
    int run(String welcome) {
        ctx.screen.line(new AttributedString(welcome, AttributedStyle.BOLD));
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> ctx.cancelFlag().set(true));
        try {
            while (!ctx.quitting()) {
                try {
                    reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
                if (!words.isEmpty()) {
                    runner.run(words);
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            leave();
        }
        return 0;
    }

    private void leave() {
        if (ctx.closeLink()) {
            ctx.out.println("left the session.");
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            ctx.err.println("could not save the command history: " + e.getMessage());
        }
        ctx.out.flush();
    }
}
