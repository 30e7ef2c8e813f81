package io.natprobe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether standard error is a terminal, which decides how progress is shown. {@code System.console()}
 * looks at stdin and stdout, so {@code natprobe lifetime --json > out.json} (stdout a file, stderr the
 * screen) would lose its live bar, and {@code 2> log} would fill a log with carriage returns. On Linux
 * /proc/self/fd/2 names the device behind stderr; elsewhere the console is the best guess there is.
 */
final class Terminal {

    private Terminal() {}

    static boolean stderrIsTerminal() {
        return linkTarget(Path.of("/proc/self/fd/2")).map(Terminal::isTerminalDevice).orElse(System.console() != null);
    }

    /** Terminal devices: pseudo-terminals (/dev/pts/N, /dev/ttypN), virtual and serial consoles (/dev/ttyN, /dev/console). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static Optional<String> linkTarget(Path p) {
        try {
            return Files.isSymbolicLink(p) ? Optional.of(Files.readSymbolicLink(p).toString()) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
