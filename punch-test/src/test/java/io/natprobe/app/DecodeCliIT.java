package io.natprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natprobe.stun.StunVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code natprobe decode} as a support engineer runs it: the packaged jar, as a process. */
class DecodeCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {}

    private static Result natprobe(String stdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("natprobe.jar");
        assertThat(jar).as("system property natprobe.jar").isNotNull();
        assertThat(Path.of(jar)).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "decode"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("decode-out", ".txt");
        Path err = Files.createTempFile("decode-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) { // a hang guard, not a speed assertion
                p.destroyForcibly();
                throw new AssertionError("natprobe decode did not exit: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String spaced(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            sb.append(hex, i, i + 2).append(i % 8 == 6 ? "\n" : " ");
        }
        return sb.toString();
    }

    private static String xxd(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < b.length; off += 16) {
            sb.append(String.format("%08x:", off));
            for (int i = 0; i < 16; i++) {
                if (i % 2 == 0) sb.append(' ');
                sb.append(off + i < b.length ? String.format("%02x", b[off + i]) : "  ");
            }
            sb.append("  ");
            for (int i = off; i < Math.min(b.length, off + 16); i++) {
                int c = b[i] & 0xFF;
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String wireshark(byte[] b) {
        return xxd(b).lines().map(l -> {
            String off = l.substring(4, 8);
            String hex = l.substring(10, 49).replace(" ", "").replaceAll("(..)", "$1 ");
            return off + "   " + String.format("%-48s", hex).stripTrailing() + "   " + l.substring(51);
        }).reduce("", (a, l) -> a + l + "\n");
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("RFC 5769 §2.1 request", StunVectors.RFC5769_REQUEST, "request", "Binding", 6),
                Arguments.of("RFC 5769 §2.2 IPv4 response", StunVectors.RFC5769_IPV4_RESPONSE, "success-response", "Binding", 4),
                Arguments.of("RFC 5769 §2.3 IPv6 response", StunVectors.RFC5769_IPV6_RESPONSE, "success-response", "Binding", 4),
                Arguments.of("RFC 5769 §2.4 long-term request", StunVectors.RFC5769_LONG_TERM_REQUEST, "request", "Binding", 4),
                Arguments.of("RFC 8489 B.1 SHA-256 request", StunVectors.RFC8489_B1_SHA256_REQUEST, "request", "Binding", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyHexFormDecodesTheSame(String name, String hex, String cls, String method, int attributes) throws Exception {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Result plain = natprobe("", "--json", hex);
        assertThat(plain.exit()).as(plain.err()).isZero();
        JsonNode j = JSON.readTree(plain.out());
        assertThat(j.get("schema").asText()).isEqualTo("natprobe.decode/1");
        assertThat(j.get("class").asText()).isEqualTo(cls);
        assertThat(j.get("method").asText()).isEqualTo(method);
        assertThat(j.get("attributes")).hasSize(attributes);
        assertThat(j.get("classic").asBoolean()).isFalse();
        for (Result r : List.of(natprobe("", "--json", spaced(hex)),
                natprobe("", "--json", HexFormat.ofDelimiter(":").formatHex(bytes)),
                natprobe("", "--json", "0x" + hex.toUpperCase()),
                natprobe(xxd(bytes), "--json", "-"),
                natprobe(wireshark(bytes), "--json", "-"))) {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(JSON.readTree(r.out())).isEqualTo(j);
        }
    }

    @Test
    void textTreeWithShortTermPassword() throws Exception {
        Result r = natprobe(StunVectors.RFC5769_IPV4_RESPONSE, "--password", StunVectors.SHORT_TERM_PASSWORD, "-");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("STUN Binding success response, 80 bytes")
                .contains("transaction id  b7e7a701bc34d686fa87dfae")
                .contains("36    0x0020  XOR-MAPPED-ADDRESS  required  192.0.2.1:32853")
                .contains("fingerprint     valid (CRC-32 matches)")
                .contains("integrity       valid (MESSAGE-INTEGRITY valid");
    }

    @Test
    void longTermCredentialsVerifyBothVectors() throws Exception {
        String[] cred = {"--username", StunVectors.LONG_TERM_USERNAME, "--realm", StunVectors.LONG_TERM_REALM,
                "--password", StunVectors.LONG_TERM_PASSWORD, "--json"};
        JsonNode md5 = JSON.readTree(natprobe(StunVectors.RFC5769_LONG_TERM_REQUEST, concat(cred, "-")).out());
        assertThat(md5.get("integrity").asText()).isEqualTo("valid");
        assertThat(md5.get("messageIntegrity").asText()).isEqualTo("valid");
        JsonNode sha = JSON.readTree(natprobe("", concat(concat(cred, "--password-algorithm", "sha256"),
                StunVectors.RFC8489_B1_SHA256_REQUEST)).out());
        assertThat(sha.get("integrity").asText()).isEqualTo("valid");
        assertThat(sha.get("messageIntegritySha256").asText()).isEqualTo("valid");
        assertThat(sha.get("attributes").get(0).get("name").asText()).isEqualTo("USERHASH");
    }

    @Test
    void flippedByteShowsFingerprintInvalid() throws Exception {
        byte[] b = StunVectors.bytes(StunVectors.RFC5769_IPV4_RESPONSE);
        b[27] = 23; // coturn's negative test: inside SOFTWARE
        String hex = HexFormat.of().formatHex(b);
        Result text = natprobe("", "--password", StunVectors.SHORT_TERM_PASSWORD, hex);
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("fingerprint     INVALID: the CRC-32 does not match")
                .contains("integrity       INVALID (MESSAGE-INTEGRITY invalid");
        JsonNode j = JSON.readTree(natprobe("", "--json", hex).out());
        assertThat(j.get("fingerprint").asText()).isEqualTo("invalid");
        assertThat(j.get("integrity").asText()).isEqualTo("unchecked");
    }

    @Test
    void wrongPasswordShowsIntegrityInvalid() throws Exception {
        Result r = natprobe("", "--json", "--password", "not-the-password", StunVectors.RFC5769_REQUEST);
        assertThat(r.exit()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("integrity").asText()).isEqualTo("invalid");
        assertThat(j.get("fingerprint").asText()).isEqualTo("valid");
    }

    @Test
    void malformedMessageExits1WithOneLine() throws Exception {
        String truncated = StunVectors.RFC5769_IPV4_RESPONSE.substring(0, 70);
        Result r = natprobe("", truncated);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("natprobe decode: malformed STUN message: message length at byte 2: length field is 60"
                + " but the datagram holds 15 bytes after the header" + System.lineSeparator());
    }

    @Test
    void badHexExits1NamingTheCharacter() throws Exception {
        Result r = natprobe("0001 0000\n2112 a44g\n", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("natprobe decode: not a hex digit: 'g' at line 2, column 9 (expected: 0-9, a-f,"
                + " spaces, colons, or an xxd/Wireshark hex dump)" + System.lineSeparator());
    }

    @Test
    void usageErrorsExit2() throws Exception {
        Result none = natprobe("");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameter: 'HEX|-'");
        Result half = natprobe("", "--username", "u", "--password", "p", StunVectors.RFC5769_REQUEST);
        assertThat(half.exit()).isEqualTo(2);
        assertThat(half.err()).contains("long-term credentials need all of --username, --realm and --password");
        assertThat(natprobe("", "--no-such-option", StunVectors.RFC5769_REQUEST).exit()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
