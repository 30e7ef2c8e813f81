package io.natprobe.punch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import java.util.List;

/**
 * What a peer (or anyone who knows the code) can send us: control messages relayed by the server,
 * probes, and log chunks. Arbitrary bytes either decode (and round-trip) or are refused with an
 * {@link IllegalArgumentException} / an empty result; nothing else may be thrown. Plain {@code mvn test}
 * replays the committed corpus in {@code src/test/resources/io/natprobe/punch/PunchDecodersFuzzTestInputs/}.
 */
class PunchDecodersFuzzTest {
    private static final Credentials KEY = RendezvousKeys.credentials(SessionCode.parse("4817-orbit-lantern"));

    @FuzzTest(maxDuration = "30s")
    void controlMessage(byte[] data) {
        ControlMessage m;
        try {
            m = ControlCodec.decode(data);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(ControlCodec.decode(ControlCodec.encode(m))).isEqualTo(m);
        if (m instanceof ControlMessage.LogChunk c) {
            LogTransfer.Assembler a = new LogTransfer.Assembler();
            a.add(c);
            List<io.natprobe.log.PacketEvent> events = a.events();
            assertThat(events).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void probe(byte[] data) {
        PunchProbe.decode(data, data.length, KEY).ifPresent(p -> {
            assertThat(p.sequence()).isNotNull();
            assertThat(p.summary()).isNotBlank();
        });
    }
}
