package io.natprobe.shell;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jline.utils.AttributedString;

/**
 * Plain text for scripts, pipes and log files: no colours, no carriage returns; a progress text is
 * printed as a line at most every {@link #PROGRESS_EVERY} (a long wait must not look like a hang).
 */
final class PlainScreen implements Screen {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final InstantSource clock;
    private Instant lastProgress;

    PlainScreen(PrintWriter out, InstantSource clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void line(AttributedString text) {
        out.println(text.toString());
        out.flush();
    }

    @Override
    public synchronized void progress(String text) {
        Instant now = clock.instant();
        if (lastProgress == null || !now.isBefore(lastProgress.plus(PROGRESS_EVERY))) {
            lastProgress = now;
            out.println(text);
            out.flush();
        }
    }

    @Override
    public synchronized void endProgress() {
        lastProgress = null;
    }

    @Override
    public boolean color() {
        return false;
    }
}
