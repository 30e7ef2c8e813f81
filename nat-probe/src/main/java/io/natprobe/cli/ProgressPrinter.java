package io.natprobe.cli;

import io.natprobe.lifetime.LifetimeProgress;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Shows a running lifetime measurement on stderr: on a terminal, one bar redrawn in place with the
 * current bounds; otherwise one plain line every {@link #LINE_EVERY_SECONDS} seconds (a log file
 * must not fill with carriage returns, but a long wait with no output is a bug).
 */
final class ProgressPrinter implements Consumer<LifetimeProgress> {

    static final int LINE_EVERY_SECONDS = 10;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastShown = -1;
    private String lastText = "";
    private boolean drawn;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void accept(LifetimeProgress p) {
        String text = text(p);
        if (terminal) {
            if (text.equals(lastText)) return;
            err.print("\r" + text + "   ");
            drawn = true;
        } else {
            if (lastShown >= 0 && p.elapsedSeconds() - lastShown < LINE_EVERY_SECONDS) return;
            lastShown = p.elapsedSeconds();
            err.println(text);
        }
        lastText = text;
        err.flush();
    }

    /** Ends the bar's line (terminal only). */
    void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
    }

    static String text(LifetimeProgress p) {
        long expected = Math.max(1, p.maxSeconds());
        int filled = (int) Math.min(WIDTH, p.elapsedSeconds() * WIDTH / expected);
        return "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + p.elapsedSeconds() + " s"
                + "  single exchange: " + bounds(p.singleLower(), p.singleUpper(), p.singleDone())
                + "  sustained: " + bounds(p.sustainedLower(), p.sustainedUpper(), p.sustainedDone());
    }

    private static String bounds(int lower, Integer upper, boolean done) {
        String s = upper == null ? ">= " + lower + " s" : lower + ".." + upper + " s";
        return done ? s + " (done)" : s;
    }
}
