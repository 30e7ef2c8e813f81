package io.natprobe.cli;

import io.natprobe.decode.DecodeJsonRenderer;
import io.natprobe.decode.DecodeTextRenderer;
import io.natprobe.decode.FrameHint;
import io.natprobe.decode.HexInput;
import io.natprobe.decode.HexInputException;
import io.natprobe.decode.KeySpec;
import io.natprobe.decode.PacketAnalysis;
import io.natprobe.decode.PacketAnalyzer;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code natprobe decode HEX|-}: decode and verify one STUN message from a hex dump. Thin: parse, analyse, print. */
@Command(name = "decode", header = "Decode and verify one STUN packet from a hex dump.",
        description = {
            "Decodes and verifies one STUN packet from a hex dump.",
            "",
            "Explains every field: class, method, transaction id, each attribute with its",
            "offset and meaning (XOR-MAPPED-ADDRESS as the real address), and whether",
            "FINGERPRINT and MESSAGE-INTEGRITY check out.",
            "Accepts plain hex (spaces, colons, newlines, 0x prefixes are fine), xxd output",
            "and Wireshark's \"Copy > ...as Hex Dump\" of the STUN bytes (select the STUN",
            "layer first: a whole frame starts with Ethernet/IP/UDP headers).",
            ""
        },
        footer = {"", "Examples:",
            "  natprobe decode 000100002112a442b7e7a701bc34d686fa87dfae",
            "  xxd packet.bin | natprobe decode -",
            "  natprobe decode --password VOkJxbRl1RmTxUk/WvJxBt --json \"$(cat dump.txt)\"",
            "",
            "Exit codes: 0 decoded, 1 not hex or not a well-formed STUN message,",
            "2 usage error."})
public final class DecodeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "HEX|-",
            description = "The packet as hex, or - to read it from standard input.")
    String input;

    @Option(names = "--json", description = "Print a JSON object (schema natprobe.decode/1) instead of the tree.")
    boolean json;

    @Option(names = "--password", paramLabel = "P",
            description = "Check MESSAGE-INTEGRITY(-SHA256) with this password (short-term, or long-term with --username/--realm).")
    String password;

    @Option(names = "--username", paramLabel = "U", description = "Long-term credentials: the username (needs --realm and --password).")
    String username;

    @Option(names = "--realm", paramLabel = "R", description = "Long-term credentials: the realm (needs --username and --password).")
    String realm;

    @Option(names = "--password-algorithm", paramLabel = "md5|sha256",
            description = "Long-term key derivation (default: the message's PASSWORD-ALGORITHM, else md5).")
    String passwordAlgorithm;

    private final InputStream stdin;

    public DecodeCommand() {
        this(System.in);
    }

    /** For tests: where {@code -} reads from. */
    public DecodeCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        KeySpec key = keySpec();
        String text;
        try {
            text = "-".equals(input) ? readStdin() : input;
        } catch (IOException e) {
            return fail("cannot read standard input: " + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = HexInput.parse(text);
        } catch (HexInputException e) {
            return fail(e.getMessage());
        }
        PacketAnalysis analysis;
        try {
            analysis = PacketAnalyzer.analyze(bytes, key);
        } catch (StunParseException e) {
            String hint = FrameHint.find(bytes).map(f -> String.format(" (but bytes %d..%d are a well-formed STUN message"
                    + " inside this %s packet: decode only those; in Wireshark select the STUN layer before copying)",
                    f.offset(), f.offset() + f.length() - 1, f.layers())).orElse("");
            return fail("malformed STUN message: " + e.getMessage() + hint);
        }
        spec.commandLine().getOut().print(json ? DecodeJsonRenderer.render(analysis) : DecodeTextRenderer.render(analysis));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private KeySpec keySpec() {
        boolean longTerm = username != null || realm != null;
        if (longTerm && (username == null || realm == null || password == null)) {
            throw usage("long-term credentials need all of --username, --realm and --password");
        }
        if (passwordAlgorithm != null && !longTerm) {
            throw usage("--password-algorithm only applies to long-term credentials (--username and --realm)");
        }
        if (password == null) {
            return null;
        }
        if (!longTerm) {
            return KeySpec.shortTerm(password);
        }
        Integer alg = null;
        if (passwordAlgorithm != null) {
            alg = switch (passwordAlgorithm.toLowerCase(java.util.Locale.ROOT)) {
                case "md5" -> Attribute.PasswordAlgorithm.MD5;
                case "sha256", "sha-256" -> Attribute.PasswordAlgorithm.SHA256;
                default -> throw usage("--password-algorithm is '" + passwordAlgorithm + "' (expected: md5 or sha256)");
            };
        }
        return KeySpec.longTerm(username, realm, password, alg);
    }

    private String readStdin() throws IOException {
        byte[] b = stdin.readNBytes(HexInput.MAX_CHARS * 4 + 1);
        return new String(b, StandardCharsets.UTF_8);
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("natprobe decode: " + message);
        spec.commandLine().getErr().flush();
        return ExitCodes.FAILED;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
