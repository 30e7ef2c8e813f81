package io.natprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** `natprobe punch` as processes on loopback, against a real `natprobe server` process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PunchCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Process server;
    private int port;
    private Path dir;

    List<String> natprobe(String... args) {
        String jar = System.getProperty("natprobe.jar");
        assertThat(jar).as("system property natprobe.jar").isNotNull();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @BeforeAll
    void startServer() throws Exception {
        dir = Files.createTempDirectory("natprobe-punch-cli");
        for (int i = 0; i < 10; i++) {
            port = ThreadLocalRandom.current().nextInt(20000, 60000);
            File out = dir.resolve("server.out").toFile();
            server = new ProcessBuilder(natprobe("server", "--primary", "127.0.0.1", "--alternate", "127.0.0.2", "--port",
                    String.valueOf(port), "--alt-port", String.valueOf(port + 1))).redirectOutput(out)
                    .redirectError(dir.resolve("server.err").toFile()).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.isAlive() && System.nanoTime() < end && !Files.readString(out.toPath()).contains("Rendezvous")) {
                Thread.sleep(100);
            }
            if (server.isAlive()) {
                return;
            }
        }
        throw new IllegalStateException("the server did not start: " + Files.readString(dir.resolve("server.err")));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoProcessesConnectAndPrintTheSchema() throws Exception {
        Path aOut = dir.resolve("a.json");
        Path aErr = dir.resolve("a.err");
        Path pcap = dir.resolve("a.pcap");
        Process a = new ProcessBuilder(natprobe("punch", "--rendezvous", "127.0.0.1:" + port, "--session", "new",
                "--bind", "127.0.0.1", "--strategy", "stepwise", "--direction", "both", "--json", "--pcap", pcap.toString(),
                "--log", dir.resolve("a.jsonl").toString())).redirectOutput(aOut.toFile()).redirectError(aErr.toFile()).start();
        String code = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Pattern p = Pattern.compile("Session code: (\\S+)");
        while (code == null && a.isAlive() && System.nanoTime() < end) {
            Thread.sleep(50);
            Matcher m = p.matcher(Files.readString(aErr));
            code = m.find() ? m.group(1) : null;
        }
        assertThat(code).as(Files.readString(aErr)).isNotNull();
        Process b = new ProcessBuilder(natprobe("punch", "--rendezvous", "127.0.0.1:" + port, "--session", code,
                "--bind", "127.0.0.1", "--strategy", "stepwise", "--direction", "both",
                "--report", dir.resolve("b-report.html").toString())).redirectOutput(dir.resolve("b.out").toFile())
                .redirectError(dir.resolve("b.err").toFile()).start();
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(Files.readString(aErr)).isZero();
        assertThat(b.exitValue()).isZero();
        JsonNode j = JSON.readTree(aOut.toFile());
        assertThat(j.path("schema").asText()).isEqualTo("natprobe.punch/1");
        assertThat(j.path("session").asText()).isEqualTo(code);
        assertThat(j.path("result").asText()).isEqualTo("connected");
        assertThat(j.path("self").path("role").asText()).isEqualTo("A");
        assertThat(j.path("peer").path("mapped").asText()).startsWith("127.0.0.1:");
        assertThat(j.path("directions")).hasSize(2);
        assertThat(j.path("directions").get(0).path("from").asText()).isEqualTo("A");
        assertThat(j.path("directions").get(1).path("from").asText()).isEqualTo("B");
        assertThat(j.path("directions").get(0).path("timeToConnectMs").isNumber()).isTrue();
        assertThat(j.path("diagnosis").path("code").asText()).isEqualTo("connected");
        String text = Files.readString(dir.resolve("b.out"));
        assertThat(text).contains("CONNECTED: ").contains("A first: connected direct");
        assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).anyMatch(l -> l.contains("\"origin\":\"peer\""));
        // B's --report: one self-contained page with the verdict and the packet ladder.
        String html = Files.readString(dir.resolve("b-report.html"));
        assertThat(html).contains("<svg").contains("host A").contains("host B").contains("punch #1")
                .doesNotContain("<script").doesNotContain("src=\"http");
        byte[] pc = Files.readAllBytes(pcap);
        assertThat(pc.length).isGreaterThan(24);
    }

    @Test
    void anUnreachableRendezvousExitsWith3() throws Exception {
        Process p = new ProcessBuilder(natprobe("punch", "--rendezvous", "127.0.0.1:" + (port + 17), "--session", "new",
                "--bind", "127.0.0.1", "--quiet")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(3);
        assertThat(out).contains("did not answer");
    }

    @Test
    void badArgumentsExitWith2() throws Exception {
        for (String[] args : List.of(new String[] {"--session", "orbit"}, new String[] {"--session", "new", "--strategy", "magic"},
                new String[] {"--session", "new", "--direction", "sideways"}, new String[] {"--session", "new", "--timeout", "0"})) {
            List<String> cmd = new ArrayList<>(List.of("punch", "--rendezvous", "127.0.0.1:" + port));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(natprobe(cmd.toArray(String[]::new))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", args) + "\n" + out).isEqualTo(2);
            assertThat(out).startsWith("natprobe punch: ").doesNotContain("Exception");
        }
    }
}
