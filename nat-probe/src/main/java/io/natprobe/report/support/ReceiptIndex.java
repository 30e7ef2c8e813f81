package io.natprobe.report.support;

import io.natprobe.log.EventType;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.TrafficKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the other side's receipt of a sent packet: same kind and length, the same payload bytes when
 * both logs kept them (else the same summary), not already paired, closest in time (a receipt after
 * the send preferred; one up to {@link #CLOCK_SLACK} before it accepted, for logging order and small
 * clock differences). Receipts are bucketed by content, so a long log of identical keepalives stays
 * fast to pair.
 */
final class ReceiptIndex {
    /** How far a receipt may seem to precede its send. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private record Key(Side side, TrafficKind kind, int length, String content) {}

    private final Map<Key, List<SidedEvent>> byPayload = new HashMap<>();
    private final Map<Key, List<SidedEvent>> bySummary = new HashMap<>();

    ReceiptIndex(List<SidedEvent> events) {
        for (SidedEvent e : events) { // events are in time order, so every bucket is too
            PacketEvent p = e.event();
            if (p.type() != EventType.RECEIVED) continue;
            byte[] payload = p.payload();
            if (payload.length > 0) {
                byPayload.computeIfAbsent(new Key(e.side(), p.kind(), p.length(), HexFormat.of().formatHex(payload)),
                        k -> new ArrayList<>()).add(e);
            }
            bySummary.computeIfAbsent(new Key(e.side(), p.kind(), p.length(), p.summary()), k -> new ArrayList<>()).add(e);
        }
    }

    /** The best unused receipt of {@code sent} by the other side, or null. */
    SidedEvent find(SidedEvent sent, Set<Integer> used) {
        PacketEvent s = sent.event();
        Side receiver = sent.side().other();
        byte[] payload = s.payload();
        SidedEvent best = null;
        if (payload.length > 0) {
            best = closest(s, byPayload.get(new Key(receiver, s.kind(), s.length(), HexFormat.of().formatHex(payload))), used, false);
        }
        // Receipts logged without payload can only be told apart by their summary.
        SidedEvent bySum = closest(s, bySummary.get(new Key(receiver, s.kind(), s.length(), s.summary())), used, payload.length > 0);
        if (best == null || (bySum != null && distance(s, bySum.event()) < distance(s, best.event()))) {
            best = bySum;
        }
        return best;
    }

    private static SidedEvent closest(PacketEvent s, List<SidedEvent> bucket, Set<Integer> used, boolean onlyWithoutPayload) {
        if (bucket == null) return null;
        // first receipt not earlier than send - slack (binary search on time)
        long from = s.at().minus(CLOCK_SLACK).toEpochMilli();
        int lo = 0;
        int hi = bucket.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bucket.get(mid).event().at().toEpochMilli() < from) lo = mid + 1;
            else hi = mid;
        }
        SidedEvent best = null;
        for (int i = lo; i < bucket.size(); i++) {
            SidedEvent c = bucket.get(i);
            if (used.contains(c.id()) || (onlyWithoutPayload && c.event().payload().length > 0)) continue;
            if (best == null || distance(s, c.event()) < distance(s, best.event())) best = c;
            if (!c.event().at().isBefore(s.at())) break; // later ones are only further away
        }
        return best;
    }

    static long distance(PacketEvent s, PacketEvent r) {
        long d = Duration.between(s.at(), r.at()).toNanos();
        return d >= 0 ? d : -d + CLOCK_SLACK.toNanos(); // prefer receipts after the send
    }
}
