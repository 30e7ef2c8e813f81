package io.natprobe.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.natprobe.decode.DecodeJsonRenderer;
import io.natprobe.decode.DecodeTextRenderer;
import io.natprobe.decode.KeySpec;
import io.natprobe.decode.PacketAnalysis;
import io.natprobe.decode.PacketAnalyzer;

/**
 * Arbitrary bytes either raise {@link StunParseException} (with an offset inside the datagram) or decode
 * to a message that re-encodes and decodes to the same message; nothing else may be thrown.
 *
 * <p>Plain {@code mvn test} replays the committed seed corpus in
 * {@code src/test/resources/io/natprobe/stun/StunDecoderFuzzTestInputs/decode/} (RFC 5769/8489 vectors,
 * classic RFC 3489 messages, malformed inputs). To fuzz for real (one target at a time):
 * <pre>
 *   JAZZER_FUZZ=1 mvn -o -pl nat-probe test -Dtest=StunDecoderFuzzTest -Djazzer.max_duration=10m
 * </pre>
 * Jazzer fuzzes one {@code @FuzzTest} method per run, keeps its working corpus in {@code nat-probe/.cifuzz-corpus/}
 * (git-ignored) and writes a crashing input as {@code crash-<sha1>} into the Inputs directory above: rename it
 * after the bug and commit it with the fix, so every later {@code mvn test} replays it.
 */
class StunDecoderFuzzTest {
    private static final KeySpec KEY = KeySpec.shortTerm(StunVectors.SHORT_TERM_PASSWORD);
    private static final KeySpec LONG_KEY = KeySpec.longTerm("u", "r", "p", null);

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) throws Exception {
        io.natprobe.decode.FrameHint.find(data); // runs on every malformed input of natprobe decode: must not throw
        StunMessage m;
        try {
            m = StunCodec.decode(data);
        } catch (StunParseException e) {
            assertThat(e.offset()).isBetween(0, Math.max(0, data.length - 1));
            assertThat(e.place()).isNotBlank();
            assertThat(e.getMessage()).doesNotContain("\n");
            return;
        }
        byte[] again = StunCodec.encode(m);
        assertThat(again.length).isLessThanOrEqualTo(data.length);
        assertThat(StunCodec.decode(again)).isEqualTo(m);
        // The checks and the decode command's analysis must cope with everything the codec accepts.
        StunIntegrity.checkFingerprint(data);
        PacketAnalysis a = PacketAnalyzer.analyze(data, KEY);
        PacketAnalyzer.analyze(data, LONG_KEY);
        assertThat(a.attributes().stream().filter(e -> !e.ignored()).count()).isEqualTo(m.attributes().size());
        assertThat(DecodeTextRenderer.render(a)).startsWith("STUN ");
        assertThat(DecodeJsonRenderer.render(a)).contains("\"schema\" : \"natprobe.decode/1\"");
    }
}
