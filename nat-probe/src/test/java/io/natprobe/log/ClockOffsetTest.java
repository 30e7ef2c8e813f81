package io.natprobe.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {
    static final Instant T = Instant.parse("2026-11-25T15:00:00Z");

    @Test
    void picksTheSampleWithTheSmallestRoundTrip() {
        // Peer clock is 5 s ahead. Sample 1: symmetric 20 ms each way. Sample 2: 300 ms out, 10 ms back.
        var good = new ClockOffset.Sample(T, T.plusMillis(5020), T.plusMillis(5020), T.plusMillis(40));
        var skewed = new ClockOffset.Sample(T, T.plusMillis(5300), T.plusMillis(5300), T.plusMillis(310));
        var e = ClockOffset.estimate(List.of(skewed, good));
        assertThat(e.offset()).isEqualTo(Duration.ofSeconds(5));
        assertThat(e.error()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void noSamplesMeansUnknown() {
        assertThat(ClockOffset.estimate(List.of())).isEqualTo(ClockOffset.Estimate.UNKNOWN);
    }

    @Test
    void mergeShiftsPeerEventsIntoOurClockAndSorts() {
        var a = new InetSocketAddress("10.0.1.10", 1);
        var b = new InetSocketAddress("10.0.2.10", 2);
        PacketEvent mine = PacketEvent.sent(T.plusMillis(100), TrafficKind.PUNCH, a, b, new byte[4], "punch #1");
        // Peer's clock is 5 s ahead: its receipt at T+5.150 is T+0.150 in our clock.
        PacketEvent theirs = PacketEvent.received(T.plusMillis(5150), TrafficKind.PUNCH, b, a, new byte[4], "punch #1");
        PacketEvent early = PacketEvent.state(T.plusMillis(5050), "peer ready");
        List<PacketEvent> merged = Timeline.merge(List.of(mine), List.of(theirs, early), Duration.ofSeconds(5));
        assertThat(merged).extracting(PacketEvent::summary).containsExactly("peer ready", "punch #1", "punch #1");
        assertThat(merged.get(2).origin()).isEqualTo(Origin.PEER);
        assertThat(merged.get(2).at()).isEqualTo(T.plusMillis(150));
    }
}
