package io.natprobe.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} form of a decode, schema "natprobe.decode/1" (docs/json-schema.md). */
public final class DecodeJsonRenderer {
    public static final String SCHEMA = "natprobe.decode/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DecodeJsonRenderer() {}

    public static Map<String, Object> toMap(PacketAnalysis a) {
        StunMessage m = a.message();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("length", a.length());
        out.put("class", className(m.stunClass()));
        out.put("method", m.method().name());
        out.put("methodCode", m.method().code());
        out.put("transactionId", m.transactionId().toHex());
        out.put("classic", m.isClassic());
        List<Object> attrs = new ArrayList<>();
        for (AttributeEntry e : a.attributes()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("offset", e.offset());
            j.put("type", String.format("0x%04X", e.typeCode()));
            j.put("name", AttributeNames.name(e.typeCode()));
            j.put("comprehension", e.comprehensionRequired() ? "required" : "optional");
            j.put("length", e.length());
            j.put("value", AttributeValues.json(e));
            if (e.ignored()) {
                j.put("ignored", true);
            }
            attrs.add(j);
        }
        out.put("attributes", attrs);
        out.put("fingerprint", a.fingerprint().json());
        out.put("integrity", a.integrity().json());
        out.put("messageIntegrity", a.messageIntegrity().json());
        out.put("messageIntegritySha256", a.messageIntegritySha256().json());
        return out;
    }

    public static String render(PacketAnalysis a) {
        try {
            return MAPPER.writeValueAsString(toMap(a)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    static String className(StunClass c) {
        return switch (c) {
            case REQUEST -> "request";
            case INDICATION -> "indication";
            case SUCCESS_RESPONSE -> "success-response";
            case ERROR_RESPONSE -> "error-response";
        };
    }
}
