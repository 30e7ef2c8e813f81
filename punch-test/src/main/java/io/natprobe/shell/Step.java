package io.natprobe.shell;

import java.util.concurrent.Callable;

/**
 * Base of every shell command: picocli parses into the subclass's fields, {@link #run} does the
 * step and returns an exit code. Exceptions ({@link io.natprobe.punch.PunchException},
 * {@link ShellError}, I/O) are turned into one clear line by {@link ShellRunner}.
 */
abstract class Step implements Callable<Integer> {
    final ShellContext ctx;

    Step(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    abstract int run() throws Exception;

    static void range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw ShellError.usage(what + " out of range (expected: " + min + ".." + max + "): " + value);
        }
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
