package io.natprobe.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.stun.StunVectors;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HexInputTest {
    private static final byte[] V21 = StunVectors.bytes(StunVectors.RFC5769_REQUEST);

    /** Exactly what `xxd` prints for RFC 5769 §2.1 (note the short last line and the ASCII column). */
    static final String XXD = """
            00000000: 0001 0058 2112 a442 b7e7 a701 bc34 d686  ...X!..B.....4..
            00000010: fa87 dfae 8022 0010 5354 554e 2074 6573  ....."..STUN tes
            00000020: 7420 636c 6965 6e74 0024 0004 6e00 01ff  t client.$..n...
            00000030: 8029 0008 932f f9b1 5126 3b36 0006 0009  .).../..Q&;6....
            00000040: 6576 746a 3a68 3676 5920 2020 0008 0014  evtj:h6vY   ....
            00000050: 9aea a70c bfd8 cb56 781e f2b5 b2d3 f249  .......Vx......I
            00000060: c1b5 71a2 8028 0004 e57a 3bcf            ..q..(...z;.
            """;

    /** Wireshark "Copy > ...as Hex Dump" (3 spaces after the offset and before the ASCII column). */
    static final String WIRESHARK = """
            0000   00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86   ...X!..B.....4..
            0010   fa 87 df ae 80 22 00 10 53 54 55 4e 20 74 65 73   ....."..STUN tes
            0020   74 20 63 6c 69 65 6e 74 00 24 00 04 6e 00 01 ff   t client.$..n...
            0030   80 29 00 08 93 2f f9 b1 51 26 3b 36 00 06 00 09   .).../..Q&;6....
            0040   65 76 74 6a 3a 68 36 76 59 20 20 20 00 08 00 14   evtj:h6vY   ....
            0050   9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49   .......Vx......I
            0060   c1 b5 71 a2 80 28 00 04 e5 7a 3b cf               ..q..(...z;.
            """;

    /** `tshark -x` (2 spaces after the offset), with the CRLF line ends of a Windows clipboard. */
    static final String TSHARK_CRLF = WIRESHARK.replace("   ", "  ").replaceAll("(?m)^(\\p{XDigit}{4})  ", "$1  ")
            .replace("\n", "\r\n");

    static Stream<Arguments> forms() {
        String hex = StunVectors.RFC5769_REQUEST;
        StringBuilder spaced = new StringBuilder();
        StringBuilder colons = new StringBuilder();
        StringBuilder prefixed = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            spaced.append(hex, i, i + 2).append(i % 8 == 6 ? "\n" : " ");
            colons.append(i == 0 ? "" : ":").append(hex, i, i + 2);
            prefixed.append(i == 0 ? "" : ", ").append("0x").append(hex, i, i + 2);
        }
        return Stream.of(
                Arguments.of("plain lowercase", hex),
                Arguments.of("plain uppercase", hex.toUpperCase()),
                Arguments.of("spaces and newlines (RFC layout)", spaced.toString()),
                Arguments.of("colons (Wireshark 'as hex' with separators)", colons.toString()),
                Arguments.of("0x prefix per byte, commas", prefixed.toString()),
                Arguments.of("one 0x prefix", "0x" + hex),
                Arguments.of("tabs and trailing newline", hex.substring(0, 40) + "\t" + hex.substring(40) + "\n"),
                Arguments.of("xxd", XXD),
                Arguments.of("xxd -g1", xxdG1()),
                Arguments.of("Wireshark copy as hex dump", WIRESHARK),
                Arguments.of("tshark -x with CRLF", TSHARK_CRLF),
                Arguments.of("Wireshark with blank lines around", "\n\n" + WIRESHARK + "\n\n"));
    }

    private static String xxdG1() {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < V21.length; off += 16) {
            sb.append(String.format("%08x: ", off));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (off + i < V21.length) {
                    sb.append(String.format("%02x ", V21[off + i]));
                    int c = V21[off + i] & 0xFF;
                    ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append(' ').append(ascii).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormGivesTheSameBytes(String name, String text) throws Exception {
        assertThat(HexFormat.of().formatHex(HexInput.parse(text))).isEqualTo(StunVectors.RFC5769_REQUEST);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("errors")
    void badInputNamesTheCharacterAndPlace(String text, String expected) {
        assertThatThrownBy(() -> HexInput.parse(text)).isInstanceOf(HexInputException.class).hasMessage(expected);
    }

    static Stream<Arguments> errors() {
        String digits = " (expected: 0-9, a-f, spaces, colons, or an xxd/Wireshark hex dump)";
        return Stream.of(
                Arguments.of("0001zz", "not a hex digit: 'z' at line 1, column 5" + digits),
                Arguments.of("0001\n00g0", "not a hex digit: 'g' at line 2, column 3" + digits),
                Arguments.of("00 01 \u00e9", "not a hex digit: U+00E9 at line 1, column 7" + digits),
                Arguments.of("0001\u00a0", "not a hex digit: U+00A0 at line 1, column 5" + digits),
                Arguments.of("0001 \uff10", "not a hex digit: U+FF10 at line 1, column 6" + digits),
                Arguments.of("00010", "odd number of hex digits: the digit at line 1, column 5 has no partner"
                        + " (expected: two digits per byte)"),
                Arguments.of("", "no hex digits in the input (expected: the message bytes as hex, e.g. 0001 0000 2112a442 ...)"),
                Arguments.of(" \n:\t", "no hex digits in the input (expected: the message bytes as hex, e.g. 0001 0000 2112a442 ...)"),
                Arguments.of("0x", "no hex digits in the input (expected: the message bytes as hex, e.g. 0001 0000 2112a442 ...)"),
                Arguments.of(XXD.replace("00000020: ", "00000030: "),
                        "hex dump line 3 starts at offset 0x30 but the lines before hold 32 bytes (expected offset 0x20): is a line missing?"),
                Arguments.of(WIRESHARK.replace("0010   fa 87", "0010   fa 8"),
                        "hex dump line 2 does not hold 16 bytes after its offset: \""
                                + WIRESHARK.lines().toList().get(1).replace("0010   fa 87", "0010   fa 8") + "\""));
    }

    @org.junit.jupiter.api.Test
    void plainHexWithWideSpacesIsNotMistakenForADump() throws Exception {
        assertThat(HexFormat.of().formatHex(HexInput.parse("0001  0000 2112a442 000102030405060708090a0b")))
                .isEqualTo("000100002112a442000102030405060708090a0b");
    }

    @org.junit.jupiter.api.Test
    void dumpOfASelectionStartingPastZero() throws Exception {
        String dump = "002a   00 01 00 00 21 12 a4 42 00 01 02 03 04 05 06 07   ....!..B........\n"
                + "003a   08 09 0a 0b                                       ....\n";
        assertThat(HexFormat.of().formatHex(HexInput.parse(dump))).isEqualTo("000100002112a442000102030405060708090a0b");
    }

    @org.junit.jupiter.api.Test
    void asciiColumnThatLooksLikeHexIsStillDropped() throws Exception {
        assertThat(HexFormat.of().formatHex(HexInput.parse("0000   61 62 63 64   abcd\n"))).isEqualTo("61626364");
        assertThat(HexFormat.of().formatHex(HexInput.parse("00000000: 6162 6364  abcd\n"))).isEqualTo("61626364");
    }

    @org.junit.jupiter.api.Test
    void tooLongInputIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> HexInput.parse("0".repeat(HexInput.MAX_CHARS + 1))).isInstanceOf(HexInputException.class)
                .hasMessageStartingWith("input is 1048577 characters (expected: at most 1048576");
    }
}
