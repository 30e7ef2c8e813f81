package io.natprobe.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code natprobe shell} process fed through its stdin (script mode, one command at a time), its
 * stdout and stderr in files. {@link #run} sends a command and waits until its output shows the
 * expected text, so two shells can follow a procedure step by step in the right order.
 */
final class ShellProcess implements AutoCloseable {
    static final long PATIENCE_SECONDS = 60;

    final String name;
    final Process process;
    final Path out;
    final Path err;
    private final OutputStream stdin;
    private int mark;

    ShellProcess(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
        this.stdin = process.getOutputStream();
    }

    String out() {
        try {
            return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    String err() {
        try {
            return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends one command line and waits for its echo; returns the output position after the echo. */
    void send(String command) throws IOException, InterruptedException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        await("natprobe> " + command);
    }

    /** Sends a command and waits until {@code expected} appears in the output after its echo. */
    String run(String command, String expected) throws IOException, InterruptedException {
        int from = mark;
        send(command);
        await(expected);
        return out().substring(from);
    }

    /** Waits until {@code expected} appears after the last mark; moves the mark past it. */
    void await(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            String o = out();
            int at = o.indexOf(expected, mark);
            if (at >= 0) {
                mark = at + expected.length();
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before printing \"" + expected
                        + "\"\n--- stdout\n" + o + "\n--- stderr\n" + err());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never printed \"" + expected + "\"\n--- stdout\n" + out() + "\n--- stderr\n" + err());
    }

    /** Waits for a regular expression; returns its first group. */
    String awaitMatch(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(out());
            if (m.find(Math.min(mark, out().length()))) {
                mark = m.end();
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never printed /" + regex + "/\n--- stdout\n" + out() + "\n--- stderr\n" + err());
    }

    /** Sends `quit`, closes stdin and returns the exit code. */
    int quit() throws IOException, InterruptedException {
        stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
        stdin.close();
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end after quit\n" + out() + err());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
