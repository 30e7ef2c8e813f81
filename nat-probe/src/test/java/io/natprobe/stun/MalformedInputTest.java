package io.natprobe.stun;

import static io.natprobe.stun.Wire.attr;
import static io.natprobe.stun.Wire.attrWithLength;
import static io.natprobe.stun.Wire.repeat;
import static io.natprobe.stun.Wire.request;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad wire input, each with its exact StunParseException message (place, byte offset, problem). */
class MalformedInputTest {

    record Case(String name, byte[] input, String expected) {
        @Override public String toString() { return name; }
    }

    private static Case c(String name, byte[] input, String expected) {
        return new Case(name, input, expected);
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    private static final String HEADER_0 = "00010000" + Wire.COOKIE + Wire.ID;
    private static final String IPV4 = "0001" + "1234" + "c0000201";
    private static final String IPV6 = "0002" + "1234" + "20010db8000000000000000000000001";

    static Stream<Case> cases() {
        return Stream.of(
                c("empty datagram", new byte[0],
                        "header at byte 0: incomplete header: 0 bytes (expected: 20+ bytes)"),
                c("one byte", hex("00"),
                        "header at byte 0: incomplete header: 1 bytes (expected: 20+ bytes)"),
                c("header cut at 19 bytes", hex(HEADER_0.substring(0, 38)),
                        "header at byte 0: incomplete header: 19 bytes (expected: 20+ bytes)"),
                c("first two bits 0b11", hex("c" + HEADER_0.substring(1)),
                        "message type at byte 0: first two bits are 0b11 (expected: 0b00)"),
                c("first two bits 0b01 (RTP/DTLS range)", hex("4" + HEADER_0.substring(1)),
                        "message type at byte 0: first two bits are 0b01 (expected: 0b00)"),
                c("first two bits 0b10", hex("8" + HEADER_0.substring(1)),
                        "message type at byte 0: first two bits are 0b10 (expected: 0b00)"),
                c("length field not a multiple of 4", hex("00010002" + Wire.COOKIE + Wire.ID + "0000"),
                        "message length at byte 2: length field is 2 (expected: a multiple of 4)"),
                c("length field larger than the datagram", hex("00010008" + Wire.COOKIE + Wire.ID + "80220000"),
                        "message length at byte 2: length field is 8 but the datagram holds 4 bytes after the header"),
                c("trailing bytes after the message", hex(HEADER_0 + "80220000"),
                        "message length at byte 2: length field is 0 but the datagram holds 4 bytes after the header"),
                c("length field 0xFFFC on a 20-byte datagram", hex("0001fffc" + Wire.COOKIE + Wire.ID),
                        "message length at byte 2: length field is 65532 but the datagram holds 0 bytes after the header"),
                c("wrong magic cookie on a non-RFC-3489 type", hex("00030000" + "2112a443" + Wire.ID),
                        "magic cookie at byte 4: 0x2112A443 (expected: 0x2112A442; without it only the RFC 3489"
                                + " Binding/Shared Secret types are valid, not 0x0003)"),
                c("no magic cookie on a Binding indication", hex("00110000" + "00000000" + Wire.ID),
                        "magic cookie at byte 4: 0x00000000 (expected: 0x2112A442; without it only the RFC 3489"
                                + " Binding/Shared Secret types are valid, not 0x0011)"),
                c("attribute overrunning the message", request(attrWithLength(0x0020, 12, "0001a147e112a643")),
                        "XOR-MAPPED-ADDRESS at byte 20: value of 12 bytes (12 with padding) overruns the message: 8 bytes left"),
                c("attribute padding overrunning the message", request(attrWithLength(0x8022, 5, "41424344")),
                        "SOFTWARE at byte 20: value of 5 bytes (8 with padding) overruns the message: 4 bytes left"),
                c("unknown attribute overrunning the message", request(attr(0x8022, "41"), attrWithLength(0xC001, 0xFFFF, "")),
                        "0xC001 at byte 28: value of 65535 bytes (65536 with padding) overruns the message: 0 bytes left"),
                c("zero-length MAPPED-ADDRESS", request(attr(0x0001, "")),
                        "MAPPED-ADDRESS at byte 20: value is 0 bytes (expected: 8 or 20)"),
                c("zero-length XOR-MAPPED-ADDRESS", request(attr(0x0020, "")),
                        "XOR-MAPPED-ADDRESS at byte 20: value is 0 bytes (expected: 8 or 20)"),
                c("unknown address family 0x03", request(attr(0x0001, "0003" + "1234" + "c0000201")),
                        "MAPPED-ADDRESS at byte 20: unknown address family 0x03 (expected: 0x01 IPv4 or 0x02 IPv6)"),
                c("address family 0x00 in OTHER-ADDRESS", request(attr(0x802C, "0000" + "1234" + "c0000201")),
                        "OTHER-ADDRESS at byte 20: unknown address family 0x00 (expected: 0x01 IPv4 or 0x02 IPv6)"),
                c("IPv4 family with 20 bytes", request(attr(0x0020, "0001" + IPV6.substring(4))),
                        "XOR-MAPPED-ADDRESS at byte 20: value is 20 bytes (expected: 8 for IPv4)"),
                c("IPv6 family with 8 bytes", request(attr(0x802B, "0002" + IPV4.substring(4))),
                        "RESPONSE-ORIGIN at byte 20: value is 8 bytes (expected: 20 for IPv6)"),
                c("RFC 3489 CHANGED-ADDRESS of 4 bytes", request(attr(0x0005, "00011234")),
                        "CHANGED-ADDRESS at byte 20: value is 4 bytes (expected: 8 for IPv4)"),
                c("duplicate XOR-MAPPED-ADDRESS", request(attr(0x0020, IPV4), attr(0x0020, IPV6)),
                        "XOR-MAPPED-ADDRESS at byte 32: duplicate attribute (only one is allowed)"),
                c("duplicate USERNAME", request(attr(0x0006, "61"), attr(0x0006, "62")),
                        "USERNAME at byte 28: duplicate attribute (only one is allowed)"),
                c("FINGERPRINT not last", request(attr(0x8028, "00000000"), attr(0x8022, "41")),
                        "FINGERPRINT at byte 20: not the last attribute: SOFTWARE follows at byte 28"),
                c("two FINGERPRINTs", request(attr(0x8028, "00000000"), attr(0x8028, "00000000")),
                        "FINGERPRINT at byte 20: not the last attribute: FINGERPRINT follows at byte 28"),
                c("FINGERPRINT of 8 bytes", request(attr(0x8028, repeat("00", 8))),
                        "FINGERPRINT at byte 20: value is 8 bytes (expected: 4)"),
                c("MESSAGE-INTEGRITY of 16 bytes", request(attr(0x0008, repeat("ab", 16))),
                        "MESSAGE-INTEGRITY at byte 20: value is 16 bytes (expected: 20)"),
                c("MESSAGE-INTEGRITY of 32 bytes (a SHA-256 HMAC in the SHA-1 attribute)", request(attr(0x0008, repeat("ab", 32))),
                        "MESSAGE-INTEGRITY at byte 20: value is 32 bytes (expected: 20)"),
                c("MESSAGE-INTEGRITY-SHA256 of 12 bytes", request(attr(0x001C, repeat("ab", 12))),
                        "MESSAGE-INTEGRITY-SHA256 at byte 20: value is 12 bytes (expected: 16 to 32, a multiple of 4)"),
                c("MESSAGE-INTEGRITY-SHA256 of 18 bytes", request(attr(0x001C, repeat("ab", 18))),
                        "MESSAGE-INTEGRITY-SHA256 at byte 20: value is 18 bytes (expected: 16 to 32, a multiple of 4)"),
                c("MESSAGE-INTEGRITY-SHA256 of 36 bytes", request(attr(0x001C, repeat("ab", 36))),
                        "MESSAGE-INTEGRITY-SHA256 at byte 20: value is 36 bytes (expected: 16 to 32, a multiple of 4)"),
                c("USERHASH of 31 bytes", request(attr(0x001E, repeat("ab", 31))),
                        "USERHASH at byte 20: value is 31 bytes (expected: 32)"),
                c("ERROR-CODE of 3 bytes", request(attr(0x0009, "000004")),
                        "ERROR-CODE at byte 20: value is 3 bytes (expected: 4+ bytes)"),
                c("ERROR-CODE class 2", request(attr(0x0009, "00000214")),
                        "ERROR-CODE at byte 20: class 2 number 20 (expected: class 3..6, number 0..99)"),
                c("ERROR-CODE class 7", request(attr(0x0009, "00000700")),
                        "ERROR-CODE at byte 20: class 7 number 0 (expected: class 3..6, number 0..99)"),
                c("ERROR-CODE number 100", request(attr(0x0009, "00000464")),
                        "ERROR-CODE at byte 20: class 4 number 100 (expected: class 3..6, number 0..99)"),
                c("ERROR-CODE reason of 764 bytes", request(attr(0x0009, "00000400" + repeat("41", 764))),
                        "ERROR-CODE at byte 20: reason phrase is 764 bytes (expected: at most 763)"),
                c("ERROR-CODE reason not UTF-8", request(attr(0x0009, "00000400" + "41c3")),
                        "ERROR-CODE at byte 20: value is not valid UTF-8 (byte 0xC3 at value byte 1)"),
                c("UNKNOWN-ATTRIBUTES of odd length", request(attr(0x000A, "000100")),
                        "UNKNOWN-ATTRIBUTES at byte 20: value is 3 bytes (expected: a multiple of 2)"),
                c("USERNAME of 513 bytes", request(attr(0x0006, repeat("61", 513))),
                        "USERNAME at byte 20: value is 513 bytes (expected: at most 512)"),
                c("SOFTWARE of 764 bytes", request(attr(0x8022, repeat("61", 764))),
                        "SOFTWARE at byte 20: value is 764 bytes (expected: at most 763)"),
                c("REALM of 764 bytes", request(attr(0x0014, repeat("61", 764))),
                        "REALM at byte 20: value is 764 bytes (expected: at most 763)"),
                c("REALM with byte 0xFF", request(attr(0x0014, "ff")),
                        "REALM at byte 20: value is not valid UTF-8 (byte 0xFF at value byte 0)"),
                c("NONCE with a cut-off UTF-8 sequence", request(attr(0x0015, "4142e383")),
                        "NONCE at byte 20: value is not valid UTF-8 (byte 0xE3 at value byte 2)"),
                c("USERNAME with an overlong encoding of '/'", request(attr(0x0006, "e080af")),
                        "USERNAME at byte 20: value is not valid UTF-8 (byte 0xE0 at value byte 0)"),
                c("SOFTWARE with a UTF-16 surrogate", request(attr(0x8022, "eda080")),
                        "SOFTWARE at byte 20: value is not valid UTF-8 (byte 0xED at value byte 0)"),
                c("PASSWORD-ALGORITHM of 2 bytes", request(attr(0x001D, "0002")),
                        "PASSWORD-ALGORITHM at byte 20: value is 2 bytes (expected: 4+ bytes)"),
                c("PASSWORD-ALGORITHM parameters overrunning", request(attr(0x001D, "00020008")),
                        "PASSWORD-ALGORITHM at byte 20: parameters length 8 overruns the value of 4 bytes"),
                c("PASSWORD-ALGORITHMS truncated entry", request(attr(0x8002, "000100000002")),
                        "PASSWORD-ALGORITHMS at byte 20: truncated algorithm entry at value byte 4: 2 bytes left (expected: 4+ bytes)"),
                c("PASSWORD-ALGORITHMS parameters overrunning", request(attr(0x8002, "00010000" + "00020004")),
                        "PASSWORD-ALGORITHMS at byte 20: parameters length 4 at value byte 4 overruns the value of 8 bytes"),
                c("CHANGE-REQUEST of 2 bytes", request(attr(0x0003, "0006")),
                        "CHANGE-REQUEST at byte 20: value is 2 bytes (expected: 4)"),
                c("CHANGE-REQUEST of 8 bytes", request(attr(0x0003, "0000000600000000")),
                        "CHANGE-REQUEST at byte 20: value is 8 bytes (expected: 4)"),
                c("RESPONSE-PORT of 3 bytes", request(attr(0x0027, "123400")),
                        "RESPONSE-PORT at byte 20: value is 3 bytes (expected: 2 or 4)"),
                c("RESPONSE-PORT of 0 bytes", request(attr(0x0027, "")),
                        "RESPONSE-PORT at byte 20: value is 0 bytes (expected: 2 or 4)"),
                c("error after valid attributes names the later offset",
                        request(attr(0x8022, "74657374"), attr(0x0020, IPV4), attr(0x0001, "0001")),
                        "MAPPED-ADDRESS at byte 40: value is 2 bytes (expected: 8 or 20)"),
                c("classic RFC 3489 message with a bad attribute",
                        hex("00010008" + "0102030405060708090a0b0c0d0e0f10" + attr(0x0001, "00011234")),
                        "MAPPED-ADDRESS at byte 20: value is 4 bytes (expected: 8 for IPv4)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithExactMessage(Case c) {
        assertThatThrownBy(() -> StunCodec.decode(c.input()))
                .isInstanceOf(StunParseException.class)
                .hasMessage(c.expected());
    }

    /** The same bytes inside a larger buffer: offsets stay relative to the datagram, nothing else is read. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offsetsAreRelativeToTheDatagram(Case c) {
        byte[] padded = new byte[c.input().length + 7];
        System.arraycopy(c.input(), 0, padded, 3, c.input().length);
        padded[0] = padded[1] = padded[2] = (byte) 0xFF;
        java.util.Arrays.fill(padded, 3 + c.input().length, padded.length, (byte) 0xFF);
        assertThatThrownBy(() -> StunCodec.decode(padded, 3, c.input().length))
                .isInstanceOf(StunParseException.class)
                .hasMessage(c.expected());
    }
}
