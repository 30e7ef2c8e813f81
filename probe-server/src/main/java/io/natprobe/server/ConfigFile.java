package io.natprobe.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code --config FILE} format: one {@code key = value} per line, keys are the long option
 * names without the dashes ({@code primary = 203.0.113.10}); {@code #} starts a comment; a key
 * may repeat where the option may ({@code primary} once per address family); a flag is
 * {@code key = true} or {@code key = false}. Turned into command-line arguments, placed before the
 * real ones, minus any option also given on the command line: flags win.
 */
public final class ConfigFile {
    /** A line that cannot be used: the file, line number and what is wrong. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }

    private ConfigFile() {}

    /**
     * @param valued option names (without dashes) that take a value
     * @param flags option names that are on/off
     * @param givenOnCommandLine option names the user typed: their config lines are skipped
     */
    public static List<String> toArguments(Path file, Set<String> valued, Set<String> flags,
            Set<String> givenOnCommandLine) throws IOException, ConfigException {
        List<String> args = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(where + "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("config")) {
                throw new ConfigException(where + "a config file cannot name another config file");
            }
            boolean isFlag = flags.contains(key);
            if (!isFlag && !valued.contains(key)) {
                throw new ConfigException(where + "unknown setting '" + key + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(union(valued, flags))) + ")");
            }
            if (value.isEmpty()) {
                throw new ConfigException(where + "'" + key + "' has no value");
            }
            if (givenOnCommandLine.contains(key)) {
                continue;
            }
            if (isFlag) {
                if (value.equalsIgnoreCase("true")) {
                    args.add("--" + key);
                } else if (!value.equalsIgnoreCase("false")) {
                    throw new ConfigException(where + "'" + key + "' is true or false, not '" + value + "'");
                }
            } else {
                args.add("--" + key);
                args.add(value);
            }
        }
        return args;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
