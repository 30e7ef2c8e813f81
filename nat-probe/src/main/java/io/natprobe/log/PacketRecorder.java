package io.natprobe.log;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event in memory, for `log`, `timeline` and saving at the end. Thread-safe. */
public final class PacketRecorder implements PacketLog {
    private final List<PacketEvent> events = new ArrayList<>();
    private final int limit;
    private long dropped;

    /** Keeps at most {@code limit} events; later ones are counted, not kept (memory stays bounded). */
    public PacketRecorder(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    public PacketRecorder() {
        this(1_000_000);
    }

    @Override
    public synchronized void onEvent(PacketEvent event) {
        if (events.size() < limit) {
            events.add(event);
        } else {
            dropped++;
        }
    }

    /** A snapshot of the events so far, in arrival order. */
    public synchronized List<PacketEvent> events() {
        return List.copyOf(events);
    }

    /** Events that did not fit in the limit. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        events.clear();
        dropped = 0;
    }
}
