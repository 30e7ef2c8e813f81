package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PacketLogTest {
    @Test
    void atMostNLinesASecondAndTheGapIsReported() {
        FakeClock clock = new FakeClock();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketLog log = new PacketLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, 3);
        InetSocketAddress src = new InetSocketAddress(BindingHandlerTest.ip("198.51.100.7"), 40000);
        for (int i = 0; i < 10; i++) {
            log.log("ipv4", SocketRole.PA, src, 20, "drop not-stun");
        }
        clock.advance(1000);
        log.log("ipv4", SocketRole.PP, src, 20, "reply success from PP to 198.51.100.7:40000 (76 bytes)");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).endsWith(" ipv4 PA <- 198.51.100.7:40000 20 bytes: drop not-stun");
        assertThat(lines[3]).contains("reply success").endsWith("(7 lines suppressed before this)");
    }

    @Test
    void noneLogsNothing() {
        assertThat(PacketLog.NONE.enabled()).isFalse();
        PacketLog.NONE.log("ipv4", SocketRole.PP, new InetSocketAddress(0), 1, "x"); // no output stream: no-op
    }
}
