package io.natprobe.lab;

/** Runs lab commands. The real one starts processes; tests record what would run. */
public interface CommandRunner {

    /** Runs the command and returns its result; never throws for a non-zero exit code. */
    CommandResult run(Command command);

    /** Runs the command and throws a {@link LabException} naming it and its stderr unless it exits 0. */
    default CommandResult check(Command command) {
        CommandResult r = run(command);
        if (!r.ok()) {
            String err = r.stderr().isBlank() ? r.stdout() : r.stderr();
            throw new LabException(command.what() + " failed (exit " + r.exitCode() + "): " + err.strip()
                    + "\n  command: " + command.line()
                    + (command.stdin().isEmpty() ? "" : "\n  input:\n" + command.stdin().indent(4)));
        }
        return r;
    }
}
