package io.natprobe.stun;

import static io.natprobe.stun.Wire.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.stun.StunIntegrity.Verdict;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encode -> decode of every attribute type (IPv4 and IPv6 where it carries an address), and RFC 8489 receive rules. */
class RoundTripTest {
    private static final InetSocketAddress V4 = new InetSocketAddress("203.0.113.7", 40001);
    private static final InetSocketAddress V6 = new InetSocketAddress("2001:db8::1:2", 65535);
    private static final TransactionId ID = TransactionId.fromHex("0102030405060708090a0b0c");

    static Stream<Attribute> everyAttribute() {
        byte[] b32 = new byte[32];
        for (int i = 0; i < 32; i++) b32[i] = (byte) (i * 7 + 1);
        return Stream.of(
                new Attribute.MappedAddress(V4), new Attribute.MappedAddress(V6),
                new Attribute.XorMappedAddress(V4), new Attribute.XorMappedAddress(V6),
                new Attribute.XorMappedAddress(new InetSocketAddress("0.0.0.0", 0)),
                new Attribute.AlternateServer(V4), new Attribute.AlternateServer(V6),
                new Attribute.ResponseOrigin(V4), new Attribute.ResponseOrigin(V6),
                new Attribute.OtherAddress(V4), new Attribute.OtherAddress(V6),
                new Attribute.ChangedAddress(V4), new Attribute.ChangedAddress(V6),
                new Attribute.SourceAddress(V4), new Attribute.SourceAddress(V6),
                new Attribute.ResponseAddress(V4), new Attribute.ResponseAddress(V6),
                new Attribute.ReflectedFrom(V4), new Attribute.ReflectedFrom(V6),
                new Attribute.Username("evtj:h6vY"), new Attribute.Username(""),
                new Attribute.Username("x".repeat(512)),
                new Attribute.Realm("example.org"), new Attribute.Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"),
                new Attribute.Software("natprobe \u30DE\u30C8\u30EA\u30C3\u30AF\u30B9 \uD83D\uDE80"),
                new Attribute.Software("s".repeat(763)),
                new Attribute.UserHash(b32),
                new Attribute.MessageIntegrity(java.util.Arrays.copyOf(b32, 20)),
                new Attribute.MessageIntegritySha256(b32), new Attribute.MessageIntegritySha256(java.util.Arrays.copyOf(b32, 16)),
                new Attribute.Fingerprint(0xCAFEBABE),
                new Attribute.ErrorCode(300, "Try Alternate"), new Attribute.ErrorCode(420, "Unknown Attribute"),
                new Attribute.ErrorCode(699, ""),
                new Attribute.UnknownAttributes(List.of(0x0024, 0xC001, 0x7FFF)), new Attribute.UnknownAttributes(List.of()),
                new Attribute.PasswordAlgorithm(Attribute.PasswordAlgorithm.MD5),
                new Attribute.PasswordAlgorithm(0x1234, new byte[] {1, 2, 3}),
                new Attribute.PasswordAlgorithms(List.of(new Attribute.PasswordAlgorithm(Attribute.PasswordAlgorithm.SHA256),
                        new Attribute.PasswordAlgorithm(7, new byte[] {9, 8, 7, 6, 5}),
                        new Attribute.PasswordAlgorithm(Attribute.PasswordAlgorithm.MD5))),
                new Attribute.ChangeRequest(false, false), new Attribute.ChangeRequest(true, false),
                new Attribute.ChangeRequest(false, true), new Attribute.ChangeRequest(true, true),
                new Attribute.ResponsePort(0), new Attribute.ResponsePort(3478, 2), new Attribute.ResponsePort(65535, 4),
                new Attribute.Padding(0), new Attribute.Padding(1), new Attribute.Padding(1200),
                new Attribute.Raw(AttributeType.of(0xC001), new byte[] {1, 2, 3, 4, 5}),
                new Attribute.Raw(AttributeType.of(0x0024), new byte[0]),
                new Attribute.Raw(AttributeType.of(0x8003), "alt.example".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAttribute")
    void attributeRoundTrips(Attribute a) throws Exception {
        for (MessageType type : List.of(MessageType.BINDING_REQUEST, MessageType.BINDING_SUCCESS,
                MessageType.BINDING_ERROR, MessageType.BINDING_INDICATION, new MessageType(StunMethod.of(0x0E3), StunClass.REQUEST))) {
            StunMessage m = new StunMessage(type, ID, List.of(a));
            byte[] wire = StunCodec.encode(m);
            assertThat(wire.length % 4).isZero();
            assertThat(StunCodec.decode(wire)).isEqualTo(m);
        }
    }

    /** RFC 8489 §14: padding is zero on send. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAttribute")
    void paddingIsZeroOnSend(Attribute a) {
        byte[] wire = StunCodec.encode(new StunMessage(MessageType.BINDING_REQUEST, ID, List.of(a)));
        int vlen = ((wire[22] & 0xFF) << 8) | (wire[23] & 0xFF);
        for (int i = 24 + vlen; i < wire.length; i++) {
            assertThat(wire[i]).as("padding byte %d", i).isZero();
        }
    }

    /** RFC 3489 messages: 128-bit transaction id, no cookie; the legacy attributes keep their meaning. */
    @Test
    void classicRfc3489MessagesRoundTrip() throws Exception {
        TransactionId classic = TransactionId.fromHex("00112233445566778899aabbccddeeff");
        StunMessage request = new StunMessage(MessageType.BINDING_REQUEST, classic,
                List.of(new Attribute.ChangeRequest(true, true), new Attribute.ResponseAddress(V4)));
        StunMessage response = new StunMessage(MessageType.BINDING_SUCCESS, classic, List.of(
                new Attribute.MappedAddress(V4), new Attribute.SourceAddress(V4), new Attribute.ChangedAddress(V4),
                new Attribute.ReflectedFrom(V4)));
        StunMessage error = new StunMessage(MessageType.BINDING_ERROR, classic,
                List.of(new Attribute.ErrorCode(400, "Bad Request")));
        for (StunMessage m : List.of(request, response, error)) {
            byte[] wire = StunCodec.encode(m);
            assertThat(HexFormat.of().formatHex(wire, 4, 20)).isEqualTo("00112233445566778899aabbccddeeff");
            StunMessage back = StunCodec.decode(wire);
            assertThat(back).isEqualTo(m);
            assertThat(back.isClassic()).isTrue();
            assertThat(StunCodec.looksLikeStun(wire, 0, wire.length)).isFalse();
        }
    }

    @Test
    void classicSharedSecretRequestIsRecognised() throws Exception {
        byte[] wire = HexFormat.of().parseHex("00020000" + "00112233445566778899aabbccddeeff");
        StunMessage m = StunCodec.decode(wire);
        assertThat(m.isClassic()).isTrue();
        assertThat(m.method().code()).isEqualTo(0x002);
        assertThat(m.stunClass()).isEqualTo(StunClass.REQUEST);
    }

    @Test
    void xorMappedAddressIsObfuscatedOnTheWire() {
        byte[] wire = StunCodec.encode(new StunMessage(MessageType.BINDING_SUCCESS,
                TransactionId.fromHex("b7e7a701bc34d686fa87dfae"),
                List.of(new Attribute.XorMappedAddress(new InetSocketAddress("192.0.2.1", 32853)))));
        assertThat(HexFormat.of().formatHex(wire, 20, 32)).isEqualTo("002000080001a147e112a643");
    }

    @Test
    void integrityAndFingerprintRoundTripForEveryCredentialKind() throws Exception {
        StunMessage m = new StunMessage(MessageType.BINDING_REQUEST, ID, List.of(new Attribute.Username("u"),
                new Attribute.Realm("r"), new Attribute.XorMappedAddress(V6)));
        for (Credentials cred : List.of(Credentials.shortTerm("pw", Credentials.Integrity.SHA1),
                Credentials.shortTerm("pw", Credentials.Integrity.SHA256),
                Credentials.shortTerm("", Credentials.Integrity.SHA1),
                Credentials.longTerm("u", "r", "pw", Attribute.PasswordAlgorithm.MD5, Credentials.Integrity.SHA1),
                Credentials.longTerm("u", "r", "pw", Attribute.PasswordAlgorithm.SHA256, Credentials.Integrity.SHA256))) {
            byte[] wire = StunCodec.encode(m, cred, true);
            assertThat(StunCodec.decode(wire).attributes()).startsWith(m.attributes().toArray(Attribute[]::new)).hasSize(5);
            assertThat(StunIntegrity.checkIntegrity(wire, cred)).as(cred.toString()).isEqualTo(Verdict.VALID);
            assertThat(StunIntegrity.checkFingerprint(wire)).isEqualTo(Verdict.VALID);
            assertThat(StunCodec.looksLikeStun(wire, 0, wire.length)).isTrue();
        }
    }

    /** RFC 8489 §14: padding content is ignored on receive (RFC 5769 §2.1 pads with spaces). */
    @Test
    void nonZeroPaddingIsIgnored() throws Exception {
        byte[] wire = Wire.request("00060001" + "61" + "ffffff");
        assertThat(StunCodec.decode(wire).attributes()).containsExactly(new Attribute.Username("a"));
    }

    /** RFC 8489 §14.5: only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count after MESSAGE-INTEGRITY, even malformed ones are skipped. */
    @Test
    void attributesAfterMessageIntegrityAreIgnored() throws Exception {
        String mi = attr(0x0008, "00".repeat(20));
        String sha = attr(0x001C, "11".repeat(32));
        String fp = attr(0x8028, "00000000");
        byte[] wire = Wire.request(attr(0x8022, "41"), mi, attr(0x0001, ""), attr(0x0020, "00"), sha, attr(0x0006, "ff"), fp);
        assertThat(StunCodec.decode(wire).attributes()).extracting(Attribute::type).containsExactly(
                AttributeType.SOFTWARE, AttributeType.MESSAGE_INTEGRITY, AttributeType.MESSAGE_INTEGRITY_SHA256,
                AttributeType.FINGERPRINT);
    }

    /** RFC 8489 §14.6: after MESSAGE-INTEGRITY-SHA256 only FINGERPRINT counts, so a later MESSAGE-INTEGRITY is not checked. */
    @Test
    void messageIntegrityAfterSha256IsIgnored() throws Exception {
        Credentials sha1 = Credentials.shortTerm("pw", Credentials.Integrity.SHA1);
        byte[] wire = Wire.request(attr(0x001C, "11".repeat(32)), attr(0x0008, "00".repeat(20)));
        assertThat(StunCodec.decode(wire).attributes()).extracting(Attribute::type)
                .containsExactly(AttributeType.MESSAGE_INTEGRITY_SHA256);
        assertThat(StunIntegrity.checkIntegrity(wire, sha1)).isEqualTo(Verdict.ABSENT);
    }

    /** An unknown attribute whose value ends like a FINGERPRINT must not be taken for one. */
    @Test
    void fingerprintLookalikeInsideAnUnknownAttributeIsAbsent() throws Exception {
        byte[] wire = Wire.request(attr(0xC001, "80280004" + "12345678"));
        StunCodec.decode(wire);
        assertThat(StunIntegrity.checkFingerprint(wire)).isEqualTo(Verdict.ABSENT);
    }

    @Test
    void unknownAttributesAreKeptWithComprehensionFromTheUnsignedType() throws Exception {
        byte[] wire = Wire.request(attr(0x7FFF, "01"), attr(0x8000, ""), attr(0xFFFF, "0203"));
        List<Attribute> attrs = StunCodec.decode(wire).attributes();
        assertThat(attrs).containsExactly(new Attribute.Raw(AttributeType.of(0x7FFF), new byte[] {1}),
                new Attribute.Raw(AttributeType.of(0x8000), new byte[0]),
                new Attribute.Raw(AttributeType.of(0xFFFF), new byte[] {2, 3}));
        assertThat(attrs).extracting(a -> a.type().isComprehensionRequired()).containsExactly(true, false, false);
        assertThat(AttributeType.of((short) 0x8022).isComprehensionRequired()).isFalse();
    }

    @Test
    void duplicatesOfUnknownTypesAreKept() throws Exception {
        byte[] wire = Wire.request(attr(0xC001, "01"), attr(0xC001, "02"));
        assertThat(StunCodec.decode(wire).attributes()).hasSize(2);
    }

    @Test
    void encoderRefusesValuesPeersWouldRefuse() {
        StunMessage longSoftware = StunMessage.bindingRequest(new Attribute.Software("s".repeat(764)));
        assertThatThrownBy(() -> StunCodec.encode(longSoftware))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SOFTWARE is 764 bytes (expected: at most 763)");
        StunMessage longUser = StunMessage.bindingRequest(new Attribute.Username("u".repeat(513)));
        assertThatThrownBy(() -> StunCodec.encode(longUser))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("USERNAME is 513 bytes (expected: at most 512)");
        StunMessage huge = StunMessage.bindingRequest(new Attribute.Padding(0xFFFF), new Attribute.Padding(8));
        assertThatThrownBy(() -> StunCodec.encode(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("message too long");
    }

    @Test
    void byteBufferAndOffsetFormsAgree() throws Exception {
        byte[] wire = StunVectors.bytes(StunVectors.RFC5769_IPV6_RESPONSE);
        byte[] framed = new byte[wire.length + 10];
        System.arraycopy(wire, 0, framed, 5, wire.length);
        StunMessage expected = StunCodec.decode(wire);
        assertThat(StunCodec.decode(framed, 5, wire.length)).isEqualTo(expected);
        assertThat(StunCodec.decode(java.nio.ByteBuffer.wrap(framed, 5, wire.length))).isEqualTo(expected);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(wire.length).put(wire).flip();
        assertThat(StunCodec.decode(direct)).isEqualTo(expected);
        assertThat(StunIntegrity.checkFingerprint(framed, 5, wire.length)).isEqualTo(Verdict.VALID);
        assertThat(StunIntegrity.checkIntegrity(framed, 5, wire.length, StunVectors.shortTerm())).isEqualTo(Verdict.VALID);
    }
}
