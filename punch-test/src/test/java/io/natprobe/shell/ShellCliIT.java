package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code natprobe shell} as support runs it without a terminal: the packaged jar as a process, with
 * {@code --script FILE} and with piped stdin, against a real {@code natprobe server} on 127.0.0.1 and
 * 127.0.0.2 (for the inline {@code classify}).
 */
class ShellCliIT {
    record Run(int exit, String out, String err) {}

    static LoopbackServer server;
    static int port;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackServer.start();
        port = server.port;
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    Run natprobe(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LoopbackServer.java(), "-jar", LoopbackServer.jar()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("natprobe " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    Path script(String... lines) throws IOException {
        Path f = dir.resolve("procedure.natprobe");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    static final String UNKNOWN_SESSION = "session join 9999-acid-acid";

    @Test
    void scriptRunsEchoedAndStopsAtTheFirstFailure() throws Exception {
        Path f = script("# the article's procedure, side B", "", "server 127.0.0.1:" + port, "classify", "ttl 3", "wait 1",
                "status", UNKNOWN_SESSION, "status");
        Run r = natprobe("", "shell", "--script", f.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("natprobe> server 127.0.0.1:" + port, "natprobe> classify", "Verdict:",
                "natprobe> wait 1", "waited 1 s", "next open TTL   3", "natprobe> " + UNKNOWN_SESSION)
                .doesNotContain("the article's procedure");
        assertThat(r.out().lines().filter(l -> l.equals("natprobe> status")).count()).isEqualTo(1);
        assertThat(r.err()).contains("session join: ", "stopped at " + f + " line 8 (exit code 1)")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void keepGoingRunsTheRestAndStillFails() throws Exception {
        Path f = script("server 127.0.0.1:" + port, UNKNOWN_SESSION, "status");
        Run r = natprobe("", "shell", "--keep-going", "--script", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("natprobe> status", "session         none");
        assertThat(r.err()).doesNotContain("stopped at");
    }

    @Test
    void pipedStdinRunsTheSameCommands() throws Exception {
        Run r = natprobe("help\nopne\nstatus\n", "shell");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("natprobe> help", "`help COMMAND` explains one", "natprobe> opne")
                .doesNotContain("natprobe> status");
        assertThat(r.err()).contains("unknown command `opne`; did you mean `open`?", "stopped at stdin line 2 (exit code 2)");
    }

    @Test
    void serverOptionAndQuit() throws Exception {
        Run r = natprobe("status\nquit\nstatus\n", "shell", "--server", "127.0.0.1:" + port);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("natprobe> server 127.0.0.1:" + port, "server          127.0.0.1:" + port);
        assertThat(r.out().lines().filter(l -> l.equals("natprobe> status")).count()).isEqualTo(1);
    }

    @Test
    void withoutATerminalNoArgumentsShowTheOverviewNotThePrompt() throws Exception {
        Run r = natprobe("", new String[0]);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: natprobe", "shell").doesNotContain("type `help` to see the commands");
    }

    @Test
    void aMissingScriptIsAUsageError() throws Exception {
        Run r = natprobe("", "shell", "--script", dir.resolve("nope.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such script file");
    }
}
