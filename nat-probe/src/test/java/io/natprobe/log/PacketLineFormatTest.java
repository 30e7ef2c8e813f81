package io.natprobe.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacketLineFormatTest {
    static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
    static final InetSocketAddress A = new InetSocketAddress("10.0.1.10", 40000);
    static final InetSocketAddress B = new InetSocketAddress("203.0.113.11", 50001);

    @Test
    void sentPacketLine() {
        PacketEvent e = PacketEvent.sent(T0.plusMillis(120), TrafficKind.PUNCH, A, B, new byte[60], "punch #3");
        assertThat(PacketLineFormat.format(e, T0)).isEqualTo(
                "  +0.120s self >> punch      10.0.1.10:40000 -> 203.0.113.11:50001           60 B  punch #3");
    }

    @Test
    void receivedPeerLineUsesBackArrow() {
        PacketEvent e = PacketEvent.received(T0.plusMillis(1180), TrafficKind.PUNCH, A, B, new byte[60], "punch #3")
                .asPeer(Duration.ZERO);
        assertThat(PacketLineFormat.format(e, T0)).isEqualTo(
                "  +1.180s peer << punch      10.0.1.10:40000 <- 203.0.113.11:50001           60 B  punch #3");
    }

    @Test
    void timeoutAndStateLinesHaveNoLength() {
        PacketEvent t = PacketEvent.timeout(T0.plusSeconds(2), TrafficKind.STUN, A, B, "no answer after 1.0 s");
        assertThat(PacketLineFormat.format(t, T0)).isEqualTo(
                "  +2.000s self !! stun       10.0.1.10:40000 -> 203.0.113.11:50001                 no answer after 1.0 s");
        PacketEvent s = PacketEvent.state(T0.plusMillis(12345), "peer known");
        assertThat(PacketLineFormat.format(s, T0)).isEqualTo(
                " +12.345s self -- state                                                            peer known");
    }

    @Test
    void wallClockWhenNoStartAndIpv6InBrackets() {
        PacketEvent e = PacketEvent.sent(T0.plusMillis(5), TrafficKind.STUN,
                new InetSocketAddress("::1", 1), new InetSocketAddress("2001:db8::2", 3478), new byte[20], "Binding request");
        assertThat(PacketLineFormat.format(e, null))
                .startsWith("15:00:00.005 self >> stun       [::1]:1 -> [2001:db8::2]:3478")
                .endsWith("20 B  Binding request");
    }

    @Test
    void ipv6IsWrittenInRfc5952Form() {
        assertThat(PacketLineFormat.ipv6(new byte[16])).isEqualTo("::");
        assertThat(PacketLineFormat.ipv6(java.util.HexFormat.of().parseHex("20010db8000000010000000000000001")))
                .isEqualTo("2001:db8:0:1::1");
        assertThat(PacketLineFormat.ipv6(java.util.HexFormat.of().parseHex("20010db8123456780011223344556677")))
                .isEqualTo("2001:db8:1234:5678:11:2233:4455:6677");
        assertThat(PacketLineFormat.ipv6(java.util.HexFormat.of().parseHex("fe800000000000000000000000000000")))
                .isEqualTo("fe80::");
    }

    @Test
    void negativeOffsetsForEventsBeforeStart() {
        assertThat(PacketLineFormat.relative(Duration.ofMillis(-1500))).isEqualTo("  -1.500s");
    }
}
