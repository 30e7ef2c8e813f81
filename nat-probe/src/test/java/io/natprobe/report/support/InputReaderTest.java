package io.natprobe.report.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.log.PacketEventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs are recognised by content; everything else is refused with the file, line or field and what was expected. */
class InputReaderTest {

    private static String jsonl() {
        StringBuilder b = new StringBuilder();
        ReportFixtures.logA().forEach(e -> b.append(PacketEventJson.toLine(e)).append('\n'));
        return b.toString();
    }

    @Test
    void recognisesEachKindByItsContent() throws Exception {
        assertThat(InputReader.parse("c", ReportFixtures.classification("10.0.0.1:1", "198.51.100.1:1", "none", "none").toPrettyString())
                .kind()).isEqualTo(InputKind.CLASSIFICATION);
        assertThat(InputReader.parse("l", "{\"schema\":\"natprobe.lifetime/1\",\"server\":\"203.0.113.1:3478\"}").kind())
                .isEqualTo(InputKind.LIFETIME);
        assertThat(InputReader.parse("p", "{\"schema\":\"natprobe.punch/1\",\"result\":\"failed\"}").kind()).isEqualTo(InputKind.PUNCH);
        InputFile log = InputReader.parse("log", jsonl());
        assertThat(log.kind()).isEqualTo(InputKind.PACKET_LOG);
        assertThat(log.events()).isEqualTo(ReportFixtures.logA());
    }

    @Test
    void aOneLineLogAndCrlfLinesAndABomAreFine() throws Exception {
        String one = PacketEventJson.toLine(ReportFixtures.logA().get(1));
        assertThat(InputReader.parse("one", one).events()).hasSize(1);
        assertThat(InputReader.parse("crlf", "\uFEFF" + jsonl().replace("\n", "\r\n")).events()).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty |   | x: not recognised: the file is empty",
        "unknown schema | {\"schema\":\"other.tool/1\"} | x: not recognised: schema \"other.tool/1\" is not one natprobe report reads (expected: natprobe.classify/1, natprobe.lifetime/1 or natprobe.punch/1)",
        "newer major | {\"schema\":\"natprobe.punch/2\"} | x: schema \"natprobe.punch/2\" is a newer major version than this natprobe reads (expected: natprobe.punch/1); use a newer natprobe",
        "schema not text | {\"schema\":7} | x: not recognised: field \"schema\" is number (expected: a string such as \"natprobe.classify/1\")",
        "array | [1,2] | x: not recognised: JSON array (expected: an object with a \"schema\" field, or JSON lines of packet events)",
        "object without schema | {\"mapping\":\"none\"} | x: not recognised: a JSON object without a \"schema\" field (expected: the JSON of natprobe classify, lifetime or punch, or JSON lines of packet events)",
        "text | Verdict: Friendly NAT | x line 1: not recognised: neither a natprobe JSON output nor a JSONL packet log (a line starts with \"Verdict: Friendly NAT\")",
    })
    void refusesWhatIsNotOurs(String name, String content, String message) {
        assertThatThrownBy(() -> InputReader.parse("x", content == null ? "" : content))
                .isInstanceOf(ReportInputException.class).hasMessage(message);
    }

    @Test
    void aBadLineInALogIsNamedByItsNumberAndField() {
        String[] lines = jsonl().split("\n");
        lines[2] = lines[2].replace("\"at\":", "\"when\":");
        assertThatThrownBy(() -> InputReader.parse("a.jsonl", String.join("\n", lines)))
                .hasMessage("a.jsonl line 3: not a natprobe packet event: field \"at\" is missing or not a string");
        lines[2] = "{\"at\":\"yesterday\",\"origin\":\"self\",\"type\":\"sent\",\"kind\":\"punch\",\"summary\":\"x\"}";
        assertThatThrownBy(() -> InputReader.parse("a.jsonl", String.join("\n", lines)))
                .hasMessage("a.jsonl line 3: not a natprobe packet event: field \"at\" is not an ISO-8601 instant: \"yesterday\"");
        lines[2] = "garbage after good lines";
        assertThatThrownBy(() -> InputReader.parse("a.jsonl", String.join("\n", lines)))
                .hasMessage("a.jsonl line 3: not recognised: not a JSON packet event (starts with \"garbage after good lines\")");
        lines[2] = "{\"at\":\"2026-11-25T15:00:00Z\",\"origin\":\"self\",\"type\":\"exploded\",\"kind\":\"punch\",\"summary\":\"x\"}";
        assertThatThrownBy(() -> InputReader.parse("a.jsonl", String.join("\n", lines)))
                .isInstanceOf(ReportInputException.class).hasMessageStartingWith("a.jsonl line 3: not a natprobe packet event: ");
    }

    @Test
    void binaryFilesAndMissingFilesAreRefused(@TempDir Path dir) throws Exception {
        Path pcap = dir.resolve("x.pcap");
        Files.write(pcap, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, (byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> InputReader.read(pcap)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("x.pcap: not recognised: not UTF-8 text");
        assertThatThrownBy(() -> InputReader.read(dir.resolve("nope.json"))).isInstanceOf(ReportInputException.class)
                .hasMessageEndingWith("nope.json: no such file");
    }
}
