package io.natprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code natprobe server} and {@code natprobe bench} as real processes on loopback. */
class ServerProcessIT {
    static final String JAR = System.getProperty("natprobe.jar");

    static final java.util.Map<Process, Path> ERR = new java.util.concurrent.ConcurrentHashMap<>();

    /** Starts natprobe; its stderr goes to a file (Process.destroy() closes the pipes). */
    static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("natprobe-it-", ".err");
        err.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        ERR.put(p, err);
        return p;
    }

    /** Reads stdout lines until one contains {@code marker} or the stream ends; returns all lines read. */
    static List<String> readUntil(Process p, String marker) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            lines.add(line);
            if (line.contains(marker)) {
                break;
            }
        }
        return lines;
    }

    static String stderr(Process p) throws IOException {
        return Files.readString(ERR.get(p));
    }

    static int freePort() {
        return ThreadLocalRandom.current().nextInt(20000, 60000);
    }

    @Test
    void serverAnswersServesMetricsAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path conf = dir.resolve("natprobe-server.conf");
        // The config file gives the addresses; the command line gives the ports (and would win).
        Files.writeString(conf, "primary = 127.0.0.1\nalternate = 127.0.0.2\nmetrics = 127.0.0.1:0\nport = 1\n");
        Process p = start("server", "--config", conf.toString(), "--port", Integer.toString(port),
                "--alt-port", Integer.toString(port + 1));
        try {
            List<String> out = readUntil(p, "Self-check passed");
            assertThat(out).as("startup text (stderr: %s)", p.isAlive() ? "" : stderr(p))
                    .anyMatch(l -> l.contains("AA  127.0.0.2:" + (port + 1)))
                    .anyMatch(l -> l.contains("Self-check passed"));
            String metricsLine = out.stream().filter(l -> l.contains("Metrics: http://")).findFirst().orElseThrow();
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/metrics").matcher(metricsLine);
            assertThat(m.find()).isTrue();
            int metricsPort = Integer.parseInt(m.group(1));

            try (DatagramSocket c = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
                c.setSoTimeout(3000);
                byte[] req = StunCodec.encodeWithFingerprint(StunMessage.bindingRequest(new Attribute.ChangeRequest(true, true)));
                c.send(new DatagramPacket(req, req.length, new InetSocketAddress("127.0.0.1", port)));
                DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
                c.receive(reply);
                assertThat(reply.getSocketAddress()).isEqualTo(new InetSocketAddress("127.0.0.2", port + 1));
            }

            Process bench = start("bench", "--server", "127.0.0.1:" + port, "--duration", "1", "--sockets", "2",
                    "--window", "2", "--json");
            String benchOut = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bench.waitFor(30, TimeUnit.SECONDS)).isTrue();
            JsonNode report = new ObjectMapper().readTree(benchOut);
            // The default per-source budget (200/s, burst 400) limits the benchmark from one address:
            // refusals show up as loss, never as invalid answers.
            assertThat(report.get("schema").asText()).isEqualTo("natprobe.bench/1");
            assertThat(report.get("valid").asLong()).isPositive();
            assertThat(report.get("invalid").asLong()).isZero();

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("natprobe_stun_replies_total{family=\"ipv4\",kind=\"success\",socket=\"AA\"}")
                    .contains("reason=\"budget\"");

            p.destroy(); // SIGTERM to this PID only
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stderr(p)).contains("natprobe server: stopped");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void singleAddressModeSaysClassificationNeedsTwoAddresses() throws Exception {
        int port = freePort();
        Process p = start("server", "--primary", "127.0.0.1", "--port", Integer.toString(port));
        try {
            List<String> out = readUntil(p, "Self-check passed");
            assertThat(String.join("\n", out)).contains("Single-address mode")
                    .contains("NAT classification").contains("needs two addresses").contains("--alternate");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    @Test
    void aWrongAdvertisedAddressStopsTheServerWithAFix() throws Exception {
        int port = freePort();
        Process p = start("server", "--primary", "127.0.0.1", "--alternate", "127.0.0.2", "--advertise-alternate",
                "127.0.0.3", "--port", Integer.toString(port), "--alt-port", Integer.toString(port + 1));
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(stderr(p)).contains("self-check failed").contains("--advertise-alternate 127.0.0.3")
                    .contains("1:1 to 127.0.0.2");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        Process p = start("server", "--primary", "not-an-ip");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(stderr(p)).contains("--primary needs an IP address");
    }
}
