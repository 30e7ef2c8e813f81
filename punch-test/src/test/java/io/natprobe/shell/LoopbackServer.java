package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real {@code natprobe server} process on 127.0.0.1 and 127.0.0.2 (the packaged jar), for process tests. */
final class LoopbackServer implements AutoCloseable {
    final int port;
    private final Process process;

    private LoopbackServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jar() {
        String jar = System.getProperty("natprobe.jar");
        assertThat(jar).as("system property natprobe.jar").isNotNull();
        return jar;
    }

    static LoopbackServer start() throws IOException {
        int port = freePort();
        Process p = new ProcessBuilder(java(), "-jar", jar(), "server", "--primary", "127.0.0.1", "--alternate", "127.0.0.2",
                "--port", String.valueOf(port), "--alt-port", String.valueOf(port + 1))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // The server prints its startup text on stdout once its sockets answer.
        BufferedReader ready = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(ready.readLine()).as("natprobe server started").isNotNull();
        return new LoopbackServer(port, p);
    }

    /** A port free on both loopback addresses, with the next one free too. */
    private static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                p = s.getLocalPort();
            }
            if (p < 65000 && free(p, "127.0.0.2") && free(p + 1, "127.0.0.1") && free(p + 1, "127.0.0.2")) {
                return p;
            }
        }
        throw new IOException("no free UDP port pair on 127.0.0.1/127.0.0.2");
    }

    private static boolean free(int p, String host) {
        try (DatagramSocket s = new DatagramSocket(p, InetAddress.getByName(host))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
