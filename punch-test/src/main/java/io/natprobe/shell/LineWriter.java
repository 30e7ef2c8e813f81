package io.natprobe.shell;

import java.io.Writer;
import java.util.function.Consumer;

/** A Writer that hands complete lines (without the newline) to a sink; {@link #flush} emits a partial line. */
final class LineWriter extends Writer {
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    /** Flushing does not break a line: picocli and PrintWriter flush often. Call {@link #finish} at the end of a command. */
    @Override
    public void flush() {
    }

    /** Emits what is left of an unfinished line. */
    synchronized void finish() {
        if (pending.length() > 0) {
            emit();
        }
    }

    @Override
    public void close() {
        finish();
    }

    private void emit() {
        String line = pending.toString();
        pending.setLength(0);
        sink.accept(line);
    }
}
