package io.natprobe.lab;

/** Exit code and captured output of a {@link Command}. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
