package io.natprobe.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The JSON form of one {@link PacketEvent} (one line of a JSONL log; docs/json-schema.md, "packet event"):
 * {@code {"at":"2026-11-25T15:00:00.123Z","origin":"self","type":"sent","kind":"punch",
 * "local":"10.0.1.10:40000","remote":"203.0.113.11:50001","length":60,"summary":"punch #3","payload":"0001..."}}
 */
public final class PacketEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PacketEventJson() {}

    public static ObjectNode toJson(PacketEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("at", e.at().toString());
        n.put("origin", e.origin().label());
        n.put("type", e.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        n.put("kind", e.kind().label());
        if (e.local() != null) {
            n.put("local", PacketLineFormat.address(e.local()));
        }
        if (e.remote() != null) {
            n.put("remote", PacketLineFormat.address(e.remote()));
        }
        n.put("length", e.length());
        n.put("summary", e.summary());
        if (e.hasPayload()) {
            n.put("payload", HexFormat.of().formatHex(e.payloadNoCopy()));
        }
        return n;
    }

    public static String toLine(PacketEvent e) {
        return toJson(e).toString();
    }

    /** Parses one JSONL line; a clear {@link IllegalArgumentException} names what is wrong. */
    public static PacketEvent fromLine(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            return new PacketEvent(
                    Instant.parse(text(n, "at")),
                    Origin.valueOf(text(n, "origin").toUpperCase(Locale.ROOT)),
                    EventType.valueOf(text(n, "type").toUpperCase(Locale.ROOT).replace('-', '_')),
                    TrafficKind.valueOf(text(n, "kind").toUpperCase(Locale.ROOT)),
                    n.has("local") ? parseAddress(text(n, "local")) : null,
                    n.has("remote") ? parseAddress(text(n, "remote")) : null,
                    n.path("length").asInt(0),
                    text(n, "summary"),
                    n.has("payload") ? HexFormat.of().parseHex(text(n, "payload")) : null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field \"at\" is not an ISO-8601 instant: " + n.get("at"));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
        }
        return v.asText();
    }

    /** Parses "1.2.3.4:5" or "[v6]:5" without any name lookup. */
    public static InetSocketAddress parseAddress(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not an address:port: " + s);
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not a literal IP address: " + s);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(s.substring(colon + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address:port: " + s);
        }
    }
}
