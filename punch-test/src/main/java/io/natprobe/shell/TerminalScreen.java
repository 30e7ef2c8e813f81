package io.natprobe.shell;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * The interactive screen: every line goes through {@link LineReader#printAbove}, which redraws the
 * prompt and the half-typed input below it. A progress text sits on the current line (a command is
 * running, so no prompt is shown) and is cleared before a line is printed, then drawn again.
 */
final class TerminalScreen implements Screen {
    private final LineReader reader;
    private final Terminal terminal;
    private final boolean color;
    private String progress;

    TerminalScreen(LineReader reader) {
        this.reader = reader;
        this.terminal = reader.getTerminal();
        Integer colors = terminal.getNumericCapability(Capability.max_colors);
        // https://no-color.org: a user who set NO_COLOR gets plain text everywhere.
        this.color = colors != null && colors >= 8 && System.getenv("NO_COLOR") == null;
    }

    @Override
    public synchronized void line(AttributedString text) {
        clearProgress();
        reader.printAbove(color ? text : new AttributedString(text.toString()));
        if (progress != null) {
            draw(progress);
        }
    }

    @Override
    public synchronized void progress(String text) {
        if (text.equals(progress)) {
            return;
        }
        if (progress != null) {
            clearProgress();
        }
        progress = text;
        draw(text);
    }

    @Override
    public synchronized void endProgress() {
        if (progress != null) {
            clearProgress();
            progress = null;
        }
    }

    @Override
    public boolean color() {
        return color;
    }

    private void draw(String text) {
        terminal.writer().print(text);
        terminal.flush();
    }

    private void clearProgress() {
        if (progress == null) {
            return;
        }
        terminal.writer().print('\r');
        if (!terminal.puts(Capability.clr_eol)) {
            terminal.writer().print(" ".repeat(progress.length()) + "\r");
        }
        terminal.flush();
    }
}
