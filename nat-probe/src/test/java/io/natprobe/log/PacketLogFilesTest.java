package io.natprobe.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketLogFilesTest {
    static final Instant T0 = Instant.parse("2026-11-25T15:00:00.123456Z");
    static final InetSocketAddress A = new InetSocketAddress("10.0.1.10", 40000);
    static final InetSocketAddress S = new InetSocketAddress("203.0.113.1", 3478);

    @TempDir
    Path dir;

    List<PacketEvent> sample() {
        var id = io.natprobe.stun.TransactionId.fromHex("b7e7a701bc34d686fa87dfae");
        byte[] req = StunCodec.encodeWithFingerprint(StunMessage.of(io.natprobe.stun.MessageType.BINDING_REQUEST, id));
        byte[] resp = StunCodec.encodeWithFingerprint(StunMessage.of(io.natprobe.stun.MessageType.BINDING_SUCCESS,
                id, new Attribute.XorMappedAddress(A)));
        return List.of(
                PacketEvent.state(T0, "classification started"),
                PacketEvent.sent(T0.plusMillis(1), TrafficKind.STUN, A, S, req, "Binding request"),
                PacketEvent.received(T0.plusMillis(3), TrafficKind.STUN, A, S, resp, "Binding success response"),
                PacketEvent.timeout(T0.plusMillis(500), TrafficKind.STUN, A, S, "no answer"),
                PacketEvent.icmpError(T0.plusMillis(501), TrafficKind.PUNCH, A, S, "port unreachable"),
                PacketEvent.sent(T0.plusMillis(600), TrafficKind.PUNCH, new InetSocketAddress("::1", 5000),
                        new InetSocketAddress("::1", 5001), new byte[] {1, 2, 3}, "punch #1"));
    }

    @Test
    void jsonlRoundTripsEveryEventExactly() throws IOException {
        Path f = dir.resolve("log.jsonl");
        JsonlPacketLog log = JsonlPacketLog.create(f);
        sample().forEach(log::onEvent);
        log.close();
        assertThat(JsonlPacketLog.read(f)).containsExactlyElementsOf(sample());
        assertThat(Files.readAllLines(f).get(1)).startsWith(
                "{\"at\":\"2026-11-25T15:00:00.124456Z\",\"origin\":\"self\",\"type\":\"sent\",\"kind\":\"stun\","
                        + "\"local\":\"10.0.1.10:40000\",\"remote\":\"203.0.113.1:3478\",\"length\":28,");
    }

    @Test
    void jsonlBadLineNamesItsLineNumber() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, PacketEventJson.toLine(sample().get(0)) + "\n{\"at\":\"yesterday\"}\n");
        assertThatThrownBy(() -> JsonlPacketLog.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("line 2: field \"at\" is not an ISO-8601 instant: \"yesterday\"");
        Files.writeString(f, "not json\n");
        assertThatThrownBy(() -> JsonlPacketLog.read(f)).hasMessageContaining("line 1: not JSON");
    }

    @Test
    void pcapIsReadByTsharkAsStunOverUdp() throws Exception {
        Path f = dir.resolve("log.pcap");
        PcapPacketLog pcap = PcapPacketLog.create(f);
        sample().forEach(pcap::onEvent);
        pcap.close();
        boolean haveTshark = Files.isExecutable(Path.of("/usr/bin/tshark"));
        if (!haveTshark && "1".equals(System.getenv("NATPROBE_REQUIRE_LAB"))) {
            throw new AssertionError("tshark is required (NATPROBE_REQUIRE_LAB=1): apt-get install tshark");
        }
        Assumptions.assumeTrue(haveTshark, "tshark not installed: apt-get install tshark");
        Process p = new ProcessBuilder("tshark", "-n", "-r", f.toString(), "-T", "fields",
                "-e", "ip.src", "-e", "ipv6.src", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.checksum.status",
                "-e", "ip.checksum.status", "-e", "stun.type", "-o", "udp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE")
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(3); // state, timeout and ICMP events are not frames
        // fields: ip.src ipv6.src sport dport udp.checksum.status ip.checksum.status stun.type (status 1 = good)
        assertThat(lines.get(0).split("\t")).containsExactly("10.0.1.10", "", "40000", "3478", "1", "1", "0x0001");
        assertThat(lines.get(1).split("\t")).containsExactly("203.0.113.1", "", "3478", "40000", "1", "1", "0x0101");
        assertThat(lines.get(2).split("\t", -1)).startsWith("", "::1", "5000", "5001", "1");
    }
}
