package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors of {@code natprobe server} (the running server is tested as a process in punch-test). */
class ServerCommandTest {
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = new CommandLine(new ServerCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        return cl.execute(args);
    }

    @Test
    void primaryIsRequired() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--primary IP is required");
    }

    @Test
    void hostNamesAreRefusedWithoutALookup() {
        assertThat(run("--primary", "stun.example.com")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--primary needs an IP address, not 'stun.example.com'");
    }

    @Test
    void wildcardIsRefusedWithTheReason() {
        assertThat(run("--primary", "0.0.0.0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("bind to a specific address");
    }

    @Test
    void mixedFamiliesAreRefused() {
        assertThat(run("--primary", "127.0.0.1", "--alternate", "::1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("::1").contains("--primary");
    }

    @Test
    void unknownTransportIsRefused() {
        assertThat(run("--primary", "127.0.0.1", "--transport", "io_uring")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--transport is auto, nio or epoll, not 'io_uring'");
    }

    @Test
    void samePortsAreRefused() {
        assertThat(run("--primary", "127.0.0.1", "--alternate", "127.0.0.2", "--port", "4000", "--alt-port", "4000"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("alt-port must differ from port");
    }

    @Test
    void configFileErrorsAreUsageErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, "primary = 127.0.0.1\nthreads = many\n");
        assertThat(run("--config", f.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("many");
        Files.writeString(f, "colour = blue\n");
        assertThat(run("--config", f.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown setting 'colour'");
        assertThat(run("--config", dir.resolve("missing.conf").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cannot read the config file");
    }

    @Test
    void configValuesAreOverriddenByFlags(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, "primary = 127.0.0.1\nalternate = 127.0.0.2\nport = 4000\nalt-port = 4000\n");
        // The file alone is invalid (same ports); the flag on the command line replaces the file's alt-port.
        assertThat(run("--config", f.toString())).isEqualTo(ExitCodes.USAGE);
        ServerCommand c = new ServerCommand();
        new CommandLine(c).parseArgs("--primary", "127.0.0.1", "--port", "4000", "--alt-port", "4001");
        assertThat(c.toConfig().altPort()).isEqualTo(4001);
    }

    @Test
    void theSampleConfigFileIsValid() throws Exception {
        Path sample = Path.of(System.getProperty("natprobe.repo", "../"), "samples", "natprobe-server.conf");
        ServerCommand c = new ServerCommand();
        CommandLine cl = new CommandLine(c);
        java.util.Set<String> valued = new java.util.HashSet<>();
        java.util.Set<String> flags = new java.util.HashSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            (o.arity().max() == 0 ? flags : valued).add(o.longestName().substring(2));
        }
        java.util.List<String> args = ConfigFile.toArguments(sample, valued, flags, java.util.Set.of());
        cl.parseArgs(args.toArray(String[]::new));
        ServerConfig cfg = c.toConfig();
        assertThat(cfg.families()).hasSize(1);
        assertThat(cfg.families().get(0).alternate()).isNotNull();
        assertThat(cfg.port()).isEqualTo(3478);
        assertThat(cfg.metrics().getPort()).isEqualTo(9478);
        assertThat(cfg.budget()).isEqualTo(RateBudget.Limits.DEFAULT);
    }
}
