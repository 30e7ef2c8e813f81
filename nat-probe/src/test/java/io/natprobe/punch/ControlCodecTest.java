package io.natprobe.punch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.log.PacketEvent;
import io.natprobe.rendezvous.Role;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ControlCodecTest {
    static final InetSocketAddress X = new InetSocketAddress("203.0.113.20", 19272);

    @Test
    void everyMessageRoundTrips() {
        List<ControlMessage> all = List.of(
                new ControlMessage.Hello(new NatHint(true, "address-and-port-dependent", X, new InetSocketAddress("203.0.113.20", 19273))),
                new ControlMessage.Hello(NatHint.UNKNOWN),
                new ControlMessage.Attempt(3, PunchOptions.Strategy.BIRTHDAY, Role.B, 1_764_000_000_000_000L, 7000, 100),
                new ControlMessage.Ask(2, 3),
                new ControlMessage.Result(2, true, X, null, 12, 1, 45),
                new ControlMessage.Done(4),
                new ControlMessage.LogChunk(0, 2, -1500, new byte[] {1, 2, 3}),
                new ControlMessage.LogRequest());
        for (ControlMessage m : all) {
            assertThat(ControlCodec.decode(ControlCodec.encode(m))).isEqualTo(m);
            assertThat(ControlCodec.encode(m).length).isLessThan(io.natprobe.rendezvous.RendezvousCodec.MAX_CONTROL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{}", "{\"t\":7}", "{\"t\":\"warp\"}", "{\"t\":\"ask\",\"id\":1}",
            "{\"t\":\"ask\",\"id\":\"x\",\"count\":1}", "{\"t\":\"attempt\",\"id\":1,\"strategy\":\"TELEPORT\",\"first\":\"A\","
            + "\"startAt\":0,\"timeoutMs\":1,\"intervalMs\":1}", "{\"t\":\"result\",\"id\":1,\"probesSent\":1,\"icmpErrors\":0,"
            + "\"connectMs\":1,\"heardFrom\":\"example.com:80\"}", "{\"t\":\"log\",\"index\":0,\"total\":1,\"offset\":0,\"data\":\"%%%\"}",
            "{\"t\":\"ask\",\"id\":99999999999,\"count\":1}"})
    void malformedControlMessagesAreRefusedWithAReason(String text) {
        assertThatThrownBy(() -> ControlCodec.decode(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Exception");
    }

    @Test
    void aLogSurvivesTheTripInChunks() {
        List<PacketEvent> events = new ArrayList<>();
        Instant t = Instant.parse("2026-11-25T15:00:00Z");
        for (int i = 0; i < 3000; i++) {
            events.add(PacketEvent.sent(t.plusMillis(i), io.natprobe.log.TrafficKind.PUNCH, X, X, new byte[60],
                    i % 2 == 0 ? "punch #" + i + " (birthday guess)" : "punch #" + i));
        }
        List<ControlMessage.LogChunk> chunks = LogTransfer.chunks(events, Duration.ofMillis(3));
        assertThat(chunks.size()).isBetween(1, LogTransfer.MAX_CHUNKS);
        LogTransfer.Assembler a = new LogTransfer.Assembler();
        for (int i = chunks.size() - 1; i >= 0; i--) {
            assertThat(a.complete()).isFalse();
            a.add((ControlMessage.LogChunk) ControlCodec.decode(ControlCodec.encode(chunks.get(i))));
        }
        assertThat(a.complete()).isTrue();
        assertThat(a.peerServerOffset()).isEqualTo(Duration.ofMillis(3));
        List<PacketEvent> back = a.events();
        assertThat(back).isNotEmpty();
        assertThat(back.get(back.size() - 1).summary()).isEqualTo("punch #2999");
        assertThat(back).filteredOn(e -> e.summary().contains("guess")).hasSizeLessThanOrEqualTo(LogTransfer.GUESSES_KEPT);
    }

    @Test
    void garbageChunksDoNotBreakTheAssembler() {
        LogTransfer.Assembler a = new LogTransfer.Assembler();
        a.add(new ControlMessage.LogChunk(5, 2, 0, new byte[] {1}));
        a.add(new ControlMessage.LogChunk(0, 1000, 0, new byte[] {1}));
        assertThat(a.complete()).isFalse();
        a.add(new ControlMessage.LogChunk(0, 1, 0, new byte[] {9, 9, 9}));
        assertThat(a.complete()).isTrue();
        assertThat(a.events()).isEmpty();
    }
}
