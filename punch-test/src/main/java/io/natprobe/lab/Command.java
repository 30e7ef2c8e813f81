package io.natprobe.lab;

import java.util.List;

/**
 * One external command of the lab driver ({@code ip}, {@code nft}, {@code sysctl}, {@code conntrack}).
 *
 * @param argv  program and arguments
 * @param stdin text fed to standard input (empty for none)
 * @param what  what it is for, in words, for error messages
 */
public record Command(List<String> argv, String stdin, String what) {
    public Command {
        argv = List.copyOf(argv);
        stdin = stdin == null ? "" : stdin;
    }

    public static Command of(String what, String... argv) {
        return new Command(List.of(argv), "", what);
    }

    /** Runs {@code argv} inside a namespace via {@code ip netns exec}. */
    public static Command inNamespace(String ns, String what, String stdin, String... argv) {
        List<String> full = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(argv));
        return new Command(full, stdin, what);
    }

    /** The command as a shell-like line (for logs and errors). */
    public String line() {
        return String.join(" ", argv);
    }
}
