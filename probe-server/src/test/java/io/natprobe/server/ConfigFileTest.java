package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    static final Set<String> VALUED = Set.of("primary", "alternate", "port", "metrics");
    static final Set<String> FLAGS = Set.of("software", "no-rfc3489");

    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("natprobe-server.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void linesBecomeArgumentsAndTheCommandLineWins() throws Exception {
        Path f = file("# comment\nprimary = 203.0.113.10\n alternate=203.0.113.11   # trailing\n\nport = 3478\n"
                + "software = true\nno-rfc3489 = false\n");
        assertThat(ConfigFile.toArguments(f, VALUED, FLAGS, Set.of("port")))
                .containsExactly("--primary", "203.0.113.10", "--alternate", "203.0.113.11", "--software");
    }

    @Test
    void mistakesNameTheLine() throws Exception {
        assertThatThrownBy(() -> ConfigFile.toArguments(file("primary = 1.2.3.4\nprimry = 1.2.3.5\n"), VALUED, FLAGS, Set.of()))
                .hasMessageContaining("line 2: unknown setting 'primry'").hasMessageContaining("primary");
        assertThatThrownBy(() -> ConfigFile.toArguments(file("primary 1.2.3.4\n"), VALUED, FLAGS, Set.of()))
                .hasMessageContaining("line 1: expected 'key = value'");
        assertThatThrownBy(() -> ConfigFile.toArguments(file("software = yes\n"), VALUED, FLAGS, Set.of()))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> ConfigFile.toArguments(file("port =\n"), VALUED, FLAGS, Set.of()))
                .hasMessageContaining("has no value");
    }
}
