package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Defensive reading of input JSON: a missing or mistyped field reads as absent, never as an exception. */
final class Json {
    private Json() {}

    /** The field as text (numbers and booleans too), or null when missing, null or a container. */
    static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static Boolean bool(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    static Long number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    /** The text elements of an array field (other elements skipped); empty when absent. */
    static List<String> texts(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n == null ? null : n.get(field);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isValueNode() && !e.isNull()) out.add(e.asText());
            }
        } else if (v != null && v.isTextual()) {
            out.add(v.asText());
        }
        return out;
    }

    /** The object elements of an array field; empty when absent. */
    static List<JsonNode> objects(JsonNode n, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = n == null ? null : n.get(field);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isObject()) out.add(e);
            }
        }
        return out;
    }
}
