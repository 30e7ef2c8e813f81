package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;
import io.natprobe.punch.PunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs one shell command line through picocli and returns its exit code. Every failure becomes one
 * clear message on the error writer: wrong use (with the command's synopsis), an unknown command
 * (with a suggestion), a step that cannot run (the {@link PunchException}'s message as it is),
 * network errors. Never a stack trace.
 */
final class ShellRunner {
    private final ShellContext ctx;
    private final CommandLine root;
    private final LineWriter out;
    private final LineWriter err;

    ShellRunner(ShellContext ctx, LineWriter out, LineWriter err) {
        this.ctx = ctx;
        this.out = out;
        this.err = err;
        this.root = new CommandLine(new ShellRoot(), new Factory(ctx));
        root.setOut(ctx.out);
        root.setErr(ctx.err);
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setUsageHelpWidth(100);
        root.setParameterExceptionHandler(this::badUsage);
        root.setExecutionExceptionHandler((ex, cl, parsed) -> failed(ex, cl));
    }

    CommandLine commandLine() {
        return root;
    }

    /** Runs one command (already split into words); the Ctrl-C flag is cleared first. */
    int run(List<String> words) {
        ctx.cancelFlag().set(false);
        try {
            return root.execute(words.toArray(String[]::new));
        } finally {
            ctx.screen.endProgress();
            ctx.out.flush();
            ctx.err.flush();
            out.finish();
            err.finish();
        }
    }

    private int badUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        if (c == root && ex instanceof CommandLine.UnmatchedArgumentException && args.length > 0) {
            ctx.err.println(unknown(args[0]));
            return ExitCodes.USAGE;
        }
        String name = c.getCommandSpec().qualifiedName().trim();
        ctx.err.println(name + ": " + ex.getMessage());
        ctx.err.println("usage: " + c.getHelp().synopsis(0).strip());
        ctx.err.println("(`help " + name.split(" ")[0] + "` explains it)");
        return ExitCodes.USAGE;
    }

    private int failed(Exception ex, CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName().trim();
        if (ex instanceof ShellError e) {
            ctx.err.println(name + ": " + e.getMessage());
            return e.exitCode();
        }
        if (ex instanceof PunchException) {
            ctx.err.println(name + ": " + ex.getMessage());
            return ExitCodes.FAILED;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            ctx.err.println(name + ": " + (io instanceof java.nio.file.NoSuchFileException ? "no such file: " : "I/O error: ")
                    + io.getMessage());
            return ExitCodes.FAILED;
        }
        if (ex instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            ctx.err.println(name + ": interrupted");
            return ExitCodes.FAILED;
        }
        ctx.err.println(name + ": unexpected error (please report it): " + ex);
        return ExitCodes.FAILED;
    }

    /** "unknown command `opne`; did you mean `open`? (`help` lists the commands)". */
    static String unknown(String word) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : ShellRoot.COMMAND_NAMES) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), name);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        String hint = best != null && (bestDistance <= 2 || best.startsWith(word.toLowerCase(java.util.Locale.ROOT)))
                ? "; did you mean `" + best + "`?" : ".";
        return "unknown command `" + word + "`" + hint + " (`help` lists the commands)";
    }

    private static int distance(String a, String b) {
        return io.natprobe.text.Suggestions.distance(a, b);
    }

    /** Gives every command the shell's context through its constructor. */
    private record Factory(ShellContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(ShellContext.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
