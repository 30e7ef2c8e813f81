package io.natprobe.punch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natprobe.log.PacketEventJson;
import io.natprobe.log.PacketLineFormat;
import io.natprobe.rendezvous.Role;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@link ControlMessage} to and from small JSON objects, e.g. {@code {"t":"ask","id":1,"count":3}}.
 * No I/O. Anything malformed raises {@link IllegalArgumentException} naming what is wrong; the driver
 * counts and ignores it.
 */
public final class ControlCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlCodec() {}

    public static byte[] encode(ControlMessage m) {
        ObjectNode n = MAPPER.createObjectNode();
        if (m instanceof ControlMessage.Hello h) {
            n.put("t", "hello");
            NatHint x = h.hint();
            if (x.mappingVaries() != null) {
                n.put("mappingVaries", x.mappingVaries());
            }
            n.put("filtering", x.filtering());
            putAddress(n, "mapped", x.mapped());
            putAddress(n, "mappedOther", x.mappedOther());
        } else if (m instanceof ControlMessage.Attempt a) {
            n.put("t", "attempt").put("id", a.id()).put("strategy", a.strategy().name()).put("first", a.first().name())
                    .put("startAt", a.startAtServerMicros()).put("timeoutMs", a.timeoutMs()).put("intervalMs", a.intervalMs());
        } else if (m instanceof ControlMessage.Ask a) {
            n.put("t", "ask").put("id", a.id()).put("count", a.count());
        } else if (m instanceof ControlMessage.Result r) {
            n.put("t", "result").put("id", r.id()).put("connected", r.connected()).put("probesSent", r.probesSent())
                    .put("icmpErrors", r.icmpErrors()).put("connectMs", r.connectMs());
            putAddress(n, "heardFrom", r.heardFrom());
            putAddress(n, "seenAs", r.seenAs());
        } else if (m instanceof ControlMessage.Done d) {
            n.put("t", "done").put("attempts", d.attempts());
        } else if (m instanceof ControlMessage.LogChunk c) {
            n.put("t", "log").put("index", c.index()).put("total", c.total()).put("offset", c.serverOffsetMicros())
                    .put("data", Base64.getEncoder().encodeToString(c.data()));
        } else if (m instanceof ControlMessage.LogRequest) {
            n.put("t", "log-request");
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ControlMessage decode(byte[] bytes) {
        JsonNode n;
        try {
            n = MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("control message is not JSON");
        }
        if (n == null || !n.isObject() || !n.path("t").isTextual()) {
            throw new IllegalArgumentException("control message has no type field \"t\"");
        }
        String t = n.get("t").asText();
        switch (t) {
            case "hello":
                return new ControlMessage.Hello(new NatHint(n.has("mappingVaries") ? n.get("mappingVaries").asBoolean() : null,
                        n.path("filtering").asText("unknown"), address(n, "mapped"), address(n, "mappedOther")));
            case "attempt":
                return new ControlMessage.Attempt(intField(n, "id"), enumField(n, "strategy", PunchOptions.Strategy.class),
                        enumField(n, "first", Role.class), longField(n, "startAt"), intField(n, "timeoutMs"),
                        intField(n, "intervalMs"));
            case "ask":
                return new ControlMessage.Ask(intField(n, "id"), intField(n, "count"));
            case "result":
                return new ControlMessage.Result(intField(n, "id"), n.path("connected").asBoolean(),
                        address(n, "heardFrom"), address(n, "seenAs"), intField(n, "probesSent"),
                        intField(n, "icmpErrors"), longField(n, "connectMs"));
            case "done":
                return new ControlMessage.Done(intField(n, "attempts"));
            case "log":
                try {
                    return new ControlMessage.LogChunk(intField(n, "index"), intField(n, "total"), longField(n, "offset"),
                            Base64.getDecoder().decode(n.path("data").asText("")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("log chunk data is not base64");
                }
            case "log-request":
                return new ControlMessage.LogRequest();
            default:
                throw new IllegalArgumentException("unknown control message type \"" + t + "\"");
        }
    }

    private static void putAddress(ObjectNode n, String name, InetSocketAddress a) {
        if (a != null) {
            n.put(name, PacketLineFormat.address(a));
        }
    }

    private static InetSocketAddress address(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return PacketEventJson.parseAddress(v.asText());
    }

    private static int intField(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("control field \"" + name + "\" missing or not a 32-bit integer");
        }
        return v.asInt();
    }

    private static long longField(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException("control field \"" + name + "\" missing or not an integer");
        }
        return v.asLong();
    }

    private static <E extends Enum<E>> E enumField(JsonNode n, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, n.path(name).asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("control field \"" + name + "\" has an unknown value");
        }
    }
}
