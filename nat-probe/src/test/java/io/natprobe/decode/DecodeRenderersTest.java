package io.natprobe.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natprobe.stun.StunVectors;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The text tree and the JSON object, pinned on the RFC vectors. */
class DecodeRenderersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rfc5769Ipv4ResponseTextTree() throws Exception {
        PacketAnalysis a = PacketAnalyzer.analyze(StunVectors.bytes(StunVectors.RFC5769_IPV4_RESPONSE),
                KeySpec.shortTerm(StunVectors.SHORT_TERM_PASSWORD));
        assertThat(DecodeTextRenderer.render(a)).isEqualTo(String.join(System.lineSeparator(),
                "STUN Binding success response, 80 bytes",
                "  class           success response",
                "  method          Binding (0x001)",
                "  transaction id  b7e7a701bc34d686fa87dfae",
                "  attributes      4 (offset, type, name, comprehension, meaning)",
                "    20    0x8022  SOFTWARE            optional  \"test vector\"",
                "    36    0x0020  XOR-MAPPED-ADDRESS  required  192.0.2.1:32853  (real address, XOR-decoded: the public address the server saw)",
                "    48    0x0008  MESSAGE-INTEGRITY   required  2b91f599fd9e90c38c7489f92af9ba53f06be7d7  (HMAC-SHA1)",
                "    72    0x8028  FINGERPRINT         optional  0xc07d4c96  (CRC-32 of the message before it, XOR 0x5354554e)",
                "  fingerprint     valid (CRC-32 matches)",
                "  integrity       valid (MESSAGE-INTEGRITY valid, MESSAGE-INTEGRITY-SHA256 absent; short-term key (the password))",
                ""));
    }

    @Test
    void rfc5769Ipv6ResponseShowsTheRealAddressInRfc5952Form() throws Exception {
        PacketAnalysis a = PacketAnalyzer.analyze(StunVectors.bytes(StunVectors.RFC5769_IPV6_RESPONSE), null);
        assertThat(DecodeTextRenderer.render(a))
                .contains("0x0020  XOR-MAPPED-ADDRESS  required  [2001:db8:1234:5678:11:2233:4455:6677]:32853")
                .contains("integrity       unchecked (MESSAGE-INTEGRITY unchecked, MESSAGE-INTEGRITY-SHA256 absent; give --password");
    }

    @Test
    void rfc5769LongTermRequestWithWrongPasswordIsInvalid() throws Exception {
        PacketAnalysis a = PacketAnalyzer.analyze(StunVectors.bytes(StunVectors.RFC5769_LONG_TERM_REQUEST),
                KeySpec.longTerm(StunVectors.LONG_TERM_USERNAME, StunVectors.LONG_TERM_REALM, "TheMatrix", null));
        assertThat(a.integrity()).isEqualTo(Check.INVALID);
        assertThat(DecodeTextRenderer.render(a)).contains("  fingerprint     absent (the message carries no FINGERPRINT)",
                "  integrity       INVALID (MESSAGE-INTEGRITY invalid, MESSAGE-INTEGRITY-SHA256 absent; long-term key,"
                        + " MD5(username:realm:password)): wrong password, username or realm, or the bytes were changed");
    }

    /** B.1 carries PASSWORD-ALGORITHM SHA-256, so the long-term key is derived with SHA-256 without being told. */
    @Test
    void rfc8489B1TakesThePasswordAlgorithmFromTheMessage() throws Exception {
        PacketAnalysis a = PacketAnalyzer.analyze(StunVectors.bytes(StunVectors.RFC8489_B1_SHA256_REQUEST),
                KeySpec.longTerm(StunVectors.LONG_TERM_USERNAME, StunVectors.LONG_TERM_REALM, StunVectors.LONG_TERM_PASSWORD, null));
        assertThat(a.messageIntegritySha256()).isEqualTo(Check.VALID);
        assertThat(a.messageIntegrity()).isEqualTo(Check.ABSENT);
        assertThat(a.integrity()).isEqualTo(Check.VALID);
        assertThat(DecodeTextRenderer.render(a))
                .contains("0x001D  PASSWORD-ALGORITHM        required  SHA-256")
                .contains("0x001E  USERHASH                  required  4a3cf38fef6992bda952c6780417da0f24819415569e60b205c46e41407f1704  (SHA-256 of username:realm)")
                .contains("long-term key, SHA-256(username:realm:password)");
    }

    @Test
    void rfc5769RequestJson() throws Exception {
        PacketAnalysis a = PacketAnalyzer.analyze(StunVectors.bytes(StunVectors.RFC5769_REQUEST),
                KeySpec.shortTerm(StunVectors.SHORT_TERM_PASSWORD));
        JsonNode j = JSON.readTree(DecodeJsonRenderer.render(a));
        assertThat(j.get("schema").asText()).isEqualTo("natprobe.decode/1");
        assertThat(j.get("class").asText()).isEqualTo("request");
        assertThat(j.get("method").asText()).isEqualTo("Binding");
        assertThat(j.get("transactionId").asText()).isEqualTo("b7e7a701bc34d686fa87dfae");
        assertThat(j.get("classic").asBoolean()).isFalse();
        assertThat(j.get("fingerprint").asText()).isEqualTo("valid");
        assertThat(j.get("integrity").asText()).isEqualTo("valid");
        JsonNode attrs = j.get("attributes");
        assertThat(attrs).hasSize(6);
        assertThat(attrs.get(0).toString()).isEqualTo(
                "{\"offset\":20,\"type\":\"0x8022\",\"name\":\"SOFTWARE\",\"comprehension\":\"optional\",\"length\":16,"
                        + "\"value\":\"STUN test client\"}");
        assertThat(attrs.get(1).get("name").asText()).isEqualTo("PRIORITY");
        assertThat(attrs.get(1).get("comprehension").asText()).isEqualTo("required");
        assertThat(attrs.get(3).get("value").asText()).isEqualTo("evtj:h6vY");
        assertThat(attrs.get(5).get("value").asText()).isEqualTo("e57a3bcf");
    }

    @Test
    void addressValuesInJson() throws Exception {
        JsonNode j = JSON.readTree(DecodeJsonRenderer.render(
                PacketAnalyzer.analyze(StunVectors.bytes(StunVectors.RFC5769_IPV6_RESPONSE), null)));
        assertThat(j.get("attributes").get(1).get("value").toString())
                .isEqualTo("{\"family\":\"IPv6\",\"address\":\"2001:db8:1234:5678:11:2233:4455:6677\",\"port\":32853}");
        assertThat(j.get("integrity").asText()).isEqualTo("unchecked");
        assertThat(j.get("class").asText()).isEqualTo("success-response");
    }

    /** Classic RFC 3489 response with CHANGE-REQUEST flags in words, ERROR-CODE reasons, ignored attributes. */
    @Test
    void classicMessageChangeRequestErrorCodeAndIgnoredAttributes() throws Exception {
        byte[] classic = HexFormat.of().parseHex("00010008" + "00112233445566778899aabbccddeeff" + "0003000400000006");
        String text = DecodeTextRenderer.render(PacketAnalyzer.analyze(classic, null));
        assertThat(text).contains("transaction id  00112233445566778899aabbccddeeff  (classic RFC 3489: no magic cookie, 128-bit id)")
                .contains("0x0003  CHANGE-REQUEST  required  change IP and port: answer from the other IP address and the other port")
                .contains("integrity       absent (the message carries neither MESSAGE-INTEGRITY nor MESSAGE-INTEGRITY-SHA256)");
        assertThat(JSON.readTree(DecodeJsonRenderer.render(PacketAnalyzer.analyze(classic, null))).get("classic").asBoolean()).isTrue();

        byte[] err = io.natprobe.stun.StunCodec.encode(new io.natprobe.stun.StunMessage(io.natprobe.stun.MessageType.BINDING_ERROR,
                io.natprobe.stun.TransactionId.fromHex("0102030405060708090a0b0c"),
                java.util.List.of(new io.natprobe.stun.Attribute.ErrorCode(401, "Unauthorized"),
                        new io.natprobe.stun.Attribute.MessageIntegrity(new byte[20]),
                        new io.natprobe.stun.Attribute.Software("after MI"))));
        String errText = DecodeTextRenderer.render(PacketAnalyzer.analyze(err, null));
        assertThat(errText).contains("0x0009  ERROR-CODE         required  401 \"Unauthorized\"  (Unauthenticated: credentials missing or wrong)")
                .contains("0x8022  SOFTWARE           optional  ignored: follows MESSAGE-INTEGRITY (RFC 8489 §14.5); bytes 6166746572204d49");
        JsonNode ignored = JSON.readTree(DecodeJsonRenderer.render(PacketAnalyzer.analyze(err, null))).get("attributes").get(2);
        assertThat(ignored.get("ignored").asBoolean()).isTrue();
    }

    @Test
    void textFromTheWireCannotControlTheTerminal() {
        assertThat(AttributeValues.quote("a\u001b[2Jb\u009bc\u202ed\ne\"f\\g \u30DE"))
                .isEqualTo("\"a\\u001b[2Jb\\u009bc\\u202ed\\u000ae\\\"f\\\\g \u30DE\"");
    }

    @Test
    void ipv6TextFormIsRfc5952() throws Exception {
        assertThat(AttributeValues.ip(java.net.InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(AttributeValues.ip(java.net.InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(AttributeValues.ip(java.net.InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(AttributeValues.ip(java.net.InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(AttributeValues.ip(java.net.InetAddress.getByName("fe80::"))).isEqualTo("fe80::");
    }
}
