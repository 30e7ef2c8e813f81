package io.natprobe.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * {@code natprobe decode}'s hex parser: any text parses or raises a one-line {@link HexInputException};
 * any bytes written as plain hex, xxd or Wireshark hex dump parse back to the same bytes.
 *
 * <p>Plain {@code mvn test} replays the committed corpus in
 * {@code src/test/resources/io/natprobe/decode/HexInputFuzzTestInputs/<method>/}. To fuzz:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -o -pl nat-probe test -Dtest='HexInputFuzzTest#parsesOrRefuses' -Djazzer.max_duration=10m
 * </pre>
 * (one method per run). A crash is written as {@code crash-<sha1>} into that method's directory: rename it
 * after the bug and commit it with the fix (three such inputs are there already).
 */
class HexInputFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parsesOrRefuses(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            byte[] bytes = HexInput.parse(text);
            assertThat(bytes).isNotEmpty();
            assertThat(bytes.length).isLessThanOrEqualTo(text.length() / 2);
        } catch (HexInputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void dumpsRoundTrip(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        String hex = HexFormat.of().formatHex(data);
        assertThat(HexInput.parse(hex)).isEqualTo(data);
        assertThat(HexInput.parse(HexFormat.ofDelimiter(":").formatHex(data))).isEqualTo(data);
        assertThat(HexInput.parse(Dumps.xxd(data))).as(Dumps.xxd(data)).isEqualTo(data);
        assertThat(HexInput.parse(Dumps.wireshark(data))).as(Dumps.wireshark(data)).isEqualTo(data);
    }
}
