package io.natprobe.shell;

import io.natprobe.cli.ExitCodes;

/** A command that cannot run as typed: the message says what to type instead. Never shown with a stack trace. */
final class ShellError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    private ShellError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Wrong arguments (exit code 2). */
    static ShellError usage(String message) {
        return new ShellError(message, ExitCodes.USAGE);
    }

    /** The step ran and failed (exit code 1). */
    static ShellError failed(String message) {
        return new ShellError(message, ExitCodes.FAILED);
    }

    int exitCode() {
        return exitCode;
    }
}
