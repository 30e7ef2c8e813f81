package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a support report is made from, per side: the classification ({@code natprobe.classify/1}
 * JSON, e.g. {@code ReportJson.classify(report, null)}), a lifetime measurement
 * ({@code natprobe.lifetime/1}), a punch result ({@code natprobe.punch/1}) and the packet log.
 * Every part is optional; the report says what is missing. Build with {@link #builder()} from
 * in-memory objects, or from files with {@link InputAssembler}.
 *
 * <p>A side's packet log holds that side's events ({@link Origin#SELF}); events marked
 * {@link Origin#PEER} in it (a merged timeline) belong to the other side.
 */
public record ReportInputs(Map<Side, JsonNode> classifications, Map<Side, JsonNode> lifetimes,
                           Map<Side, JsonNode> punches, Map<Side, List<PacketEvent>> logs, List<String> sources) {

    public ReportInputs {
        classifications = freeze(classifications);
        lifetimes = freeze(lifetimes);
        punches = freeze(punches);
        Map<Side, List<PacketEvent>> l = new EnumMap<>(Side.class);
        logs.forEach((k, v) -> l.put(k, List.copyOf(v)));
        logs = Collections.unmodifiableMap(l);
        sources = List.copyOf(sources);
    }

    private static <V> Map<Side, V> freeze(Map<Side, V> m) {
        return Collections.unmodifiableMap(m.isEmpty() ? new EnumMap<>(Side.class) : new EnumMap<>(m));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when nothing at all was given. */
    public boolean isEmpty() {
        return classifications.isEmpty() && lifetimes.isEmpty() && punches.isEmpty() && logs.isEmpty();
    }

    /** True when a packet log from this side was given (so we know what it received). */
    public boolean hasLogOf(Side side) {
        return allEvents().stream().anyMatch(e -> e.side() == side);
    }

    /**
     * Every event of every log, each with its side, in time order (stable: a log's own order is kept for
     * equal times), numbered from 0, without the second copy of an event both logs hold
     * ({@link Duplicates}). Both logs are taken to be in one clock (same machine, or NTP).
     */
    public List<SidedEvent> allEvents() {
        List<SidedEvent> raw = new ArrayList<>();
        List<Boolean> copied = new ArrayList<>();
        for (Map.Entry<Side, List<PacketEvent>> e : logs.entrySet()) {
            for (PacketEvent p : e.getValue()) {
                raw.add(new SidedEvent(-1, p.origin() == Origin.PEER ? e.getKey().other() : e.getKey(), p));
                copied.add(p.origin() == Origin.PEER);
            }
        }
        List<SidedEvent> all = new ArrayList<>(Duplicates.remove(raw, copied));
        all.sort(Comparator.comparing((SidedEvent s) -> s.event().at()));
        List<SidedEvent> numbered = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            numbered.add(new SidedEvent(i, all.get(i).side(), all.get(i).event()));
        }
        return numbered;
    }

    /** Collects the parts of a report. */
    public static final class Builder {
        private final Map<Side, JsonNode> classifications = new EnumMap<>(Side.class);
        private final Map<Side, JsonNode> lifetimes = new EnumMap<>(Side.class);
        private final Map<Side, JsonNode> punches = new EnumMap<>(Side.class);
        private final Map<Side, List<PacketEvent>> logs = new EnumMap<>(Side.class);
        private final List<String> sources = new ArrayList<>();

        /** A {@code natprobe.classify/1} object of this side. */
        public Builder classification(Side side, JsonNode json) {
            classifications.put(side, json);
            return this;
        }

        /** A {@code natprobe.lifetime/1} object of this side. */
        public Builder lifetime(Side side, JsonNode json) {
            lifetimes.put(side, json);
            return this;
        }

        /** A {@code natprobe.punch/1} object written by this side. */
        public Builder punch(Side side, JsonNode json) {
            punches.put(side, json);
            return this;
        }

        /** Packet events logged by this side (added to any given before). */
        public Builder events(Side side, List<PacketEvent> events) {
            logs.computeIfAbsent(side, k -> new ArrayList<>()).addAll(events);
            return this;
        }

        /** A line for the report's "made from" list, e.g. a file name. */
        public Builder source(String description) {
            sources.add(description);
            return this;
        }

        public ReportInputs build() {
            return new ReportInputs(classifications, lifetimes, punches, logs, sources);
        }
    }
}
