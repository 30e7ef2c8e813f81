package io.natprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.stun.StunVectors;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command in-process (picocli setOut/setErr + execute); DecodeCliIT runs the packaged jar. */
class DecodeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        CommandLine cl = new CommandLine(new DecodeCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void decodesHexArgument() {
        assertThat(run("", StunVectors.RFC5769_IPV4_RESPONSE)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("STUN Binding success response, 80 bytes").contains("192.0.2.1:32853");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void readsStandardInput() {
        assertThat(run(StunVectors.RFC5769_REQUEST + "\n", "--password", StunVectors.SHORT_TERM_PASSWORD, "-"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("integrity       valid (MESSAGE-INTEGRITY valid");
    }

    @Test
    void longTermWithExplicitAlgorithm() {
        assertThat(run("", "--username", StunVectors.LONG_TERM_USERNAME, "--realm", StunVectors.LONG_TERM_REALM,
                "--password", StunVectors.LONG_TERM_PASSWORD, "--password-algorithm", "md5", "--json",
                StunVectors.RFC5769_LONG_TERM_REQUEST)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"integrity\" : \"valid\"", "\"fingerprint\" : \"absent\"");
        out.getBuffer().setLength(0);
        assertThat(run("", "--username", StunVectors.LONG_TERM_USERNAME, "--realm", StunVectors.LONG_TERM_REALM,
                "--password", StunVectors.LONG_TERM_PASSWORD, "--password-algorithm", "sha256", "--json",
                StunVectors.RFC5769_LONG_TERM_REQUEST)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"integrity\" : \"invalid\"");
    }

    @Test
    void malformedMessageIsOneLineOnStderr() {
        assertThat(run("", "0001000c2112a442000102030405060708090a0b00200000")).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("natprobe decode: malformed STUN message: message length at byte 2: length field is 12"
                + " but the datagram holds 4 bytes after the header" + System.lineSeparator());
    }

    @Test
    void wholeCapturedFrameGetsAHintWhereTheStunBytesAre() {
        String frame = io.natprobe.decode.FrameHintTest.ETHERNET + io.natprobe.decode.FrameHintTest.IPV4
                + io.natprobe.decode.FrameHintTest.UDP + StunVectors.RFC5769_IPV4_RESPONSE;
        assertThat(run("", frame)).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("natprobe decode: malformed STUN message: message length at byte 2: length field is 0"
                + " but the datagram holds 102 bytes after the header (but bytes 42..121 are a well-formed STUN message inside this"
                + " Ethernet/IPv4/UDP packet: decode only those; in Wireshark select the STUN layer before copying)"
                + System.lineSeparator());
    }

    @Test
    void badHexIsOneLineOnStderr() {
        assertThat(run("", "0001 00x0")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("natprobe decode: not a hex digit: 'x' at line 1, column 8 (expected: 0-9, a-f,"
                + " spaces, colons, or an xxd/Wireshark hex dump)" + System.lineSeparator());
    }

    @Test
    void emptyStdinIsAnError() {
        assertThat(run("", "-")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).startsWith("natprobe decode: no hex digits in the input");
    }

    @Test
    void usageErrorsExit2() {
        assertThat(run("")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required parameter: 'HEX|-'");
        assertThat(run("", "--username", "u", StunVectors.RFC5769_REQUEST)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("long-term credentials need all of --username, --realm and --password");
        assertThat(run("", "--password", "p", "--password-algorithm", "md5", StunVectors.RFC5769_REQUEST)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--password-algorithm only applies to long-term credentials");
        assertThat(run("", "--username", "u", "--realm", "r", "--password", "p", "--password-algorithm", "sha1",
                StunVectors.RFC5769_REQUEST)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--password-algorithm is 'sha1' (expected: md5 or sha256)");
        assertThat(run("", "--bogus", StunVectors.RFC5769_REQUEST)).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpExits0() {
        assertThat(run("", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: decode").contains("xxd");
    }
}
