package io.natprobe.report.support;

import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.TrafficKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drops the second copy of an event when both peers' logs are given and each holds the other's events
 * too ({@code natprobe punch --log} writes both sides): a side's event copied into the peer's log
 * (origin "peer", shifted by the estimated clock offset, often without payload) is dropped when that
 * side's own log has the same event within {@link #SAME_EVENT}. The side's own copy is kept: it is in
 * its own clock and has the bytes.
 */
final class Duplicates {
    /** Larger than a clock-offset estimate's error, smaller than the 1 s between repeated requests. */
    static final Duration SAME_EVENT = Duration.ofMillis(400);

    private record Key(Side side, EventType type, TrafficKind kind, InetSocketAddress local, InetSocketAddress remote,
                       int length, String summary) {
        static Key of(SidedEvent e) {
            PacketEvent p = e.event();
            return new Key(e.side(), p.type(), p.kind(), p.local(), p.remote(), p.length(), p.summary());
        }
    }

    private Duplicates() {}

    /**
     * @param events  every event with its side, and whether it came as a copy (origin PEER in its file)
     * @return the events without the copies that the side's own log also holds, in the same order
     */
    static List<SidedEvent> remove(List<SidedEvent> events, List<Boolean> copied) {
        Map<Key, TreeMap<Instant, Integer>> own = new HashMap<>(); // time -> how many own copies at that instant
        for (int i = 0; i < events.size(); i++) {
            if (!copied.get(i)) own.computeIfAbsent(Key.of(events.get(i)), k -> new TreeMap<>())
                    .merge(events.get(i).event().at(), 1, Integer::sum);
        }
        List<SidedEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            SidedEvent e = events.get(i);
            if (copied.get(i) && consume(own.get(Key.of(e)), e)) continue;
            out.add(e);
        }
        return out;
    }

    /** Removes and reports the own copy closest in time to {@code copy}, if one is within {@link #SAME_EVENT}. */
    private static boolean consume(TreeMap<Instant, Integer> own, SidedEvent copy) {
        if (own == null) return false;
        Instant at = copy.event().at();
        Instant before = own.floorKey(at);
        Instant after = own.ceilingKey(at);
        Instant best = before == null ? after : after == null ? before
                : Duration.between(before, at).compareTo(Duration.between(at, after)) <= 0 ? before : after;
        if (best == null || Duration.between(best, at).abs().compareTo(SAME_EVENT) > 0) return false;
        own.computeIfPresent(best, (k, n) -> n == 1 ? null : n - 1);
        return true;
    }

    static boolean isCopy(PacketEvent e) {
        return e.origin() == Origin.PEER;
    }
}
