package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.natprobe.log.PacketEvent;
import java.util.List;

/**
 * One recognised input: its name (for the report's list of sources), its kind, and its content
 * (the JSON object for a classification, lifetime or punch result; the events for a packet log).
 */
public record InputFile(String name, InputKind kind, JsonNode json, List<PacketEvent> events) {
    public InputFile {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
