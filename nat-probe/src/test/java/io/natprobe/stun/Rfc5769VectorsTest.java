package io.natprobe.stun;

import static io.natprobe.stun.StunVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.stun.StunIntegrity.Verdict;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 5769 §2.1-2.4 and RFC 8489 Appendix B.1 (Errata 6268), byte for byte. */
class Rfc5769VectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final TransactionId ID_SHORT = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");
    private static final TransactionId ID_LONG = TransactionId.fromHex("78ad3433c6ad72c029da412e");

    /** A vector: its bytes, the message it must decode to, its credentials, and the one-byte flip of its negative test. */
    record Vector(String name, String hex, StunMessage expected, Credentials credentials, Verdict fingerprint,
                  int flipAt, int flipTo) {
        @Override public String toString() { return name; }
    }

    static Stream<Vector> vectors() {
        Attribute software = new Attribute.Software("test vector");
        return Stream.of(
                new Vector("RFC 5769 §2.1 sample request", StunVectors.RFC5769_REQUEST,
                        new StunMessage(MessageType.BINDING_REQUEST, ID_SHORT, List.of(
                                new Attribute.Software("STUN test client"),
                                new Attribute.Raw(AttributeType.of(0x0024), HEX.parseHex("6e0001ff")),   // PRIORITY
                                new Attribute.Raw(AttributeType.of(0x8029), HEX.parseHex("932ff9b151263b36")), // ICE-CONTROLLED
                                new Attribute.Username("evtj:h6vY"),
                                new Attribute.MessageIntegrity(HEX.parseHex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
                                new Attribute.Fingerprint(0xe57a3bcf))),
                        StunVectors.shortTerm(), Verdict.VALID, 27, 23),
                new Vector("RFC 5769 §2.2 sample IPv4 response", StunVectors.RFC5769_IPV4_RESPONSE,
                        new StunMessage(MessageType.BINDING_SUCCESS, ID_SHORT, List.of(software,
                                new Attribute.XorMappedAddress(new InetSocketAddress("192.0.2.1", 32853)),
                                new Attribute.MessageIntegrity(HEX.parseHex("2b91f599fd9e90c38c7489f92af9ba53f06be7d7")),
                                new Attribute.Fingerprint(0xc07d4c96))),
                        StunVectors.shortTerm(), Verdict.VALID, 27, 23),
                new Vector("RFC 5769 §2.3 sample IPv6 response", StunVectors.RFC5769_IPV6_RESPONSE,
                        new StunMessage(MessageType.BINDING_SUCCESS, ID_SHORT, List.of(software,
                                new Attribute.XorMappedAddress(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853)),
                                new Attribute.MessageIntegrity(HEX.parseHex("a382954e4be67bf11784c97c8292c275bfe3ed41")),
                                new Attribute.Fingerprint(0xc8fb0b4c))),
                        StunVectors.shortTerm(), Verdict.VALID, 27, 23),
                new Vector("RFC 5769 §2.4 long-term request", StunVectors.RFC5769_LONG_TERM_REQUEST,
                        new StunMessage(MessageType.BINDING_REQUEST, ID_LONG, List.of(
                                new Attribute.Username(StunVectors.LONG_TERM_USERNAME),
                                new Attribute.Nonce(StunVectors.LONG_TERM_NONCE),
                                new Attribute.Realm(StunVectors.LONG_TERM_REALM),
                                new Attribute.MessageIntegrity(HEX.parseHex("f67024656dd64a3e02b8e0712e85c9a28ca89666")))),
                        StunVectors.longTermMd5(), Verdict.ABSENT, 50, 0x41),
                new Vector("RFC 8489 B.1 SHA-256 request with USERHASH", StunVectors.RFC8489_B1_SHA256_REQUEST,
                        new StunMessage(MessageType.BINDING_REQUEST, ID_LONG, List.of(
                                new Attribute.UserHash(HEX.parseHex("4a3cf38fef6992bda952c6780417da0f24819415569e60b205c46e41407f1704")),
                                new Attribute.Nonce(StunVectors.RFC8489_B1_NONCE),
                                new Attribute.Realm(StunVectors.LONG_TERM_REALM),
                                new Attribute.PasswordAlgorithm(Attribute.PasswordAlgorithm.SHA256),
                                new Attribute.MessageIntegritySha256(HEX.parseHex(
                                        "b5c7bf005b6c52a21c51c5e892f81924136296cb927c43149309278cc6518e65")))),
                        StunVectors.longTermSha256(), Verdict.ABSENT, 70, 0x42));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesEveryField(Vector v) throws Exception {
        StunMessage m = StunCodec.decode(bytes(v.hex()));
        assertThat(m).isEqualTo(v.expected());
        assertThat(m.isClassic()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void fingerprintAndIntegrityVerify(Vector v) {
        byte[] b = bytes(v.hex());
        assertThat(StunIntegrity.checkFingerprint(b)).isEqualTo(v.fingerprint());
        assertThat(StunIntegrity.checkIntegrity(b, v.credentials())).isEqualTo(Verdict.VALID);
    }

    /** coturn's rfc5769check negative tests: one byte changed inside an attribute before MESSAGE-INTEGRITY. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void oneFlippedByteFailsTheChecks(Vector v) throws Exception {
        byte[] b = bytes(v.hex());
        assertThat(b[v.flipAt()]).isNotEqualTo((byte) v.flipTo());
        b[v.flipAt()] = (byte) v.flipTo();
        StunCodec.decode(b); // still well-formed
        assertThat(StunIntegrity.checkIntegrity(b, v.credentials())).isEqualTo(Verdict.INVALID);
        assertThat(StunIntegrity.checkFingerprint(b))
                .isEqualTo(v.fingerprint() == Verdict.ABSENT ? Verdict.ABSENT : Verdict.INVALID);
    }

    /**
     * coturn's own negative test for §2.4 sets byte 32 to 10, which breaks the UTF-8 of the username:
     * the decoder names that (RFC 8489 §14.3: USERNAME MUST be UTF-8), and the MI check fails.
     */
    @Test
    void coturnsLongTermNegativeTestBreaksTheUsernamesUtf8() {
        byte[] b = bytes(StunVectors.RFC5769_LONG_TERM_REQUEST);
        b[32] = 10;
        assertThat(StunIntegrity.checkIntegrity(b, StunVectors.longTermMd5())).isEqualTo(Verdict.INVALID);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StunCodec.decode(b))
                .isInstanceOf(StunParseException.class)
                .hasMessage("USERNAME at byte 20: value is not valid UTF-8 (byte 0xE3 at value byte 6)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void flippedIntegrityValueFailsAndWrongPasswordFails(Vector v) {
        byte[] b = bytes(v.hex());
        int macEnd = v.fingerprint() == Verdict.ABSENT ? b.length : b.length - 8;
        b[macEnd - 1] ^= 0x01; // last byte of the HMAC
        assertThat(StunIntegrity.checkIntegrity(b, v.credentials())).isEqualTo(Verdict.INVALID);
        assertThat(StunIntegrity.checkIntegrity(bytes(v.hex()),
                Credentials.shortTerm("wrong", v.credentials().integrity()))).isEqualTo(Verdict.INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void integrityOfTheOtherKindIsAbsent(Vector v) {
        Credentials.Integrity other = v.credentials().integrity() == Credentials.Integrity.SHA1
                ? Credentials.Integrity.SHA256 : Credentials.Integrity.SHA1;
        assertThat(StunIntegrity.checkIntegrity(bytes(v.hex()), Credentials.ofKey(v.credentials().key(), other)))
                .isEqualTo(Verdict.ABSENT);
    }

    /** Re-encoding with zero padding changes §2.1-2.3's 0x20 padding bytes, but never what they mean. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reEncodingVerifiesAndDecodesToTheSameAttributes(Vector v) throws Exception {
        StunMessage m = v.expected();
        List<Attribute> plain = m.attributes().stream()
                .filter(a -> !(a instanceof Attribute.MessageIntegrity || a instanceof Attribute.MessageIntegritySha256
                        || a instanceof Attribute.Fingerprint))
                .toList();
        byte[] again = StunCodec.encode(new StunMessage(m.type(), m.transactionId(), plain), v.credentials(),
                v.fingerprint() != Verdict.ABSENT);
        assertThat(StunCodec.decode(again).attributes()).startsWith(plain.toArray(Attribute[]::new));
        assertThat(StunIntegrity.checkIntegrity(again, v.credentials())).isEqualTo(Verdict.VALID);
        assertThat(StunIntegrity.checkFingerprint(again)).isEqualTo(v.fingerprint());
    }

    /** RFC 5769 §2.4 pads with zeros, so our encoder must reproduce it exactly (coturn does this test). */
    @Test
    void rfc5769LongTermRequestEncodesToTheVectorBytes() {
        StunMessage m = new StunMessage(MessageType.BINDING_REQUEST, ID_LONG, List.of(
                new Attribute.Username(StunVectors.LONG_TERM_USERNAME),
                new Attribute.Nonce(StunVectors.LONG_TERM_NONCE),
                new Attribute.Realm(StunVectors.LONG_TERM_REALM)));
        assertThat(HEX.formatHex(StunCodec.encode(m, StunVectors.longTermMd5(), false)))
                .isEqualTo(StunVectors.RFC5769_LONG_TERM_REQUEST);
    }

    @Test
    void rfc8489B1EncodesToTheVectorBytes() throws Exception {
        StunMessage b1 = StunCodec.decode(bytes(StunVectors.RFC8489_B1_SHA256_REQUEST));
        StunMessage m = new StunMessage(MessageType.BINDING_REQUEST, ID_LONG, b1.attributes().subList(0, 4));
        assertThat(HEX.formatHex(StunCodec.encode(m, StunVectors.longTermSha256(), false)))
                .isEqualTo(StunVectors.RFC8489_B1_SHA256_REQUEST);
    }

    @Test
    void rfc5769LongTermKeyIsMd5OfUsernameRealmPassword() {
        assertThat(HEX.formatHex(StunVectors.longTermMd5().key())).isEqualTo("e8ca7ad59d5eb0518e312911d2dab2a9");
    }

    /** RFC 8489 §14.4: USERHASH = SHA-256(OpaqueString(username) ":" OpaqueString(realm)). */
    @Test
    void rfc8489B1UserHashIsSha256OfUsernameAndRealm() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(
                (StunVectors.LONG_TERM_USERNAME + ":" + StunVectors.LONG_TERM_REALM).getBytes(StandardCharsets.UTF_8));
        StunMessage b1 = StunCodec.decode(bytes(StunVectors.RFC8489_B1_SHA256_REQUEST));
        assertThat(b1.get(Attribute.UserHash.class).orElseThrow().hash()).isEqualTo(expected);
    }

    /** 0x8022/0x8028/0x8029 are negative as a Java short: comprehension is decided on type & 0xFFFF. */
    @Test
    void comprehensionOfTheVectorsAttributes() throws Exception {
        StunMessage m = StunCodec.decode(bytes(StunVectors.RFC5769_REQUEST));
        assertThat(m.attributes()).extracting(a -> a.type().isComprehensionRequired())
                .containsExactly(false, true, false, true, true, false);
    }
}
