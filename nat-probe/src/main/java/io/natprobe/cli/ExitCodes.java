package io.natprobe.cli;

/** Exit codes shared by every {@code natprobe} command (ARCHITECTURE.md §3). */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The probe ran but reached no verdict, the punch failed, or the input was malformed. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** No server answered. */
    public static final int NO_SERVER = 3;

    private ExitCodes() {}
}
