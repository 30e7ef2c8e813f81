package io.natprobe.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs commands as processes with a timeout, capturing stdout and stderr. */
public final class ProcessCommandRunner implements CommandRunner {

    private final Duration timeout;

    public ProcessCommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    public ProcessCommandRunner() {
        this(Duration.ofSeconds(20));
    }

    @Override
    public CommandResult run(Command command) {
        Process p;
        try {
            p = new ProcessBuilder(command.argv()).start();
        } catch (IOException e) {
            throw new LabException(command.what() + ": cannot start '" + command.argv().get(0) + "': " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread tOut = pump(p.getInputStream(), out);
        Thread tErr = pump(p.getErrorStream(), err);
        try (OutputStream in = p.getOutputStream()) {
            in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process may exit without reading its input; its exit code tells the story.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new LabException(command.what() + ": '" + command.line() + "' did not finish within "
                        + timeout.toSeconds() + " s");
            }
            tOut.join(1000);
            tErr.join(1000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException(command.what() + ": interrupted", e);
        }
        return new CommandResult(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "lab-cmd-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
