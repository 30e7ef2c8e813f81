package io.natprobe.report.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketEventJson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises an input of {@code natprobe report} from its content: one JSON object with a natprobe
 * {@code schema} field (classification, lifetime, punch result), or JSON lines of packet events.
 * Anything else is refused with the file, the line or field, and what was expected.
 */
public final class InputReader {
    /** Inputs are logs and JSON of one session; anything larger is not one of ours. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InputReader() {}

    public static InputFile read(Path file) throws ReportInputException, IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(name + ": no such file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new ReportInputException(name + ": " + Files.size(file) + " bytes is too large for a natprobe output "
                    + "(expected: at most " + MAX_BYTES + ")");
        }
        return parse(name, decode(name, Files.readAllBytes(file)));
    }

    private static String decode(String name, byte[] bytes) throws ReportInputException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReportInputException(name + ": not recognised: not UTF-8 text (a binary file? natprobe report "
                    + "reads the JSON of classify, lifetime and punch, and JSONL packet logs, not pcap)");
        }
    }

    /** Recognises {@code content}; {@code name} is only used in messages. */
    public static InputFile parse(String name, String content) throws ReportInputException {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.isBlank()) {
            throw new ReportInputException(name + ": not recognised: the file is empty");
        }
        JsonNode whole = wholeJson(text);
        if (whole != null && whole.isObject() && whole.has("schema")) {
            return schemaDocument(name, whole);
        }
        if (whole != null && !whole.isObject()) {
            throw new ReportInputException(name + ": not recognised: JSON " + nodeType(whole)
                    + " (expected: an object with a \"schema\" field, or JSON lines of packet events)");
        }
        if (whole != null && !whole.has("at") && !whole.has("type")) {
            throw new ReportInputException(name + ": not recognised: a JSON object without a \"schema\" field (expected: "
                    + "the JSON of natprobe classify, lifetime or punch, or JSON lines of packet events)");
        }
        return packetLog(name, text);
    }

    private static JsonNode wholeJson(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static InputFile schemaDocument(String name, JsonNode n) throws ReportInputException {
        JsonNode s = n.get("schema");
        if (!s.isTextual()) {
            throw new ReportInputException(name + ": not recognised: field \"schema\" is " + nodeType(s) + " (expected: a string "
                    + "such as \"natprobe.classify/1\")");
        }
        InputKind kind = InputKind.ofSchema(s.asText());
        if (kind == null) {
            throw new ReportInputException(name + ": not recognised: schema \"" + s.asText() + "\" is not one natprobe report "
                    + "reads (expected: natprobe.classify/1, natprobe.lifetime/1 or natprobe.punch/1)");
        }
        if (!s.asText().endsWith("/1")) {
            throw new ReportInputException(name + ": schema \"" + s.asText() + "\" is a newer major version than this natprobe "
                    + "reads (expected: " + s.asText().substring(0, s.asText().indexOf('/') + 1) + "1); use a newer natprobe");
        }
        return new InputFile(name, kind, n, null);
    }

    private static InputFile packetLog(String name, String text) throws ReportInputException {
        List<PacketEvent> events = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!line.stripLeading().startsWith("{")) {
                throw new ReportInputException(name + " line " + (i + 1) + ": not recognised: " + (events.isEmpty()
                        ? "neither a natprobe JSON output nor a JSONL packet log (a line starts with " + quote(line) + ")"
                        : "not a JSON packet event (starts with " + quote(line) + ")"));
            }
            try {
                events.add(PacketEventJson.fromLine(line));
            } catch (IllegalArgumentException e) {
                throw new ReportInputException(name + " line " + (i + 1) + ": not a natprobe packet event: " + e.getMessage());
            }
        }
        return new InputFile(name, InputKind.PACKET_LOG, null, events);
    }

    private static String quote(String line) {
        String s = line.strip();
        s = s.length() > 24 ? s.substring(0, 24) + "..." : s;
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.append('"').toString();
    }

    static String nodeType(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
            default -> "value";
        };
    }
}
