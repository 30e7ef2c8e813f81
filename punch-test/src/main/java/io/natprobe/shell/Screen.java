package io.natprobe.shell;

import org.jline.utils.AttributedString;

/**
 * Where the shell writes: whole lines only, so a packet event printed from the I/O thread never
 * lands in the middle of a command's output or of what the user is typing. Thread-safe.
 */
interface Screen {

    /** Prints one line (above the prompt when a prompt is shown). */
    void line(AttributedString text);

    /** Shows a progress text: redrawn in place on a terminal, an occasional plain line otherwise. */
    void progress(String text);

    /** Ends the progress display (the next line starts clean). */
    void endProgress();

    /** True when colours and in-place redraws reach a real terminal. */
    boolean color();
}
