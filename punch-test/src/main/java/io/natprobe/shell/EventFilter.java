package io.natprobe.shell;

import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLineFormat;
import io.natprobe.log.TrafficKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The `log --filter` words: an event type (sent, received, timeout, icmp, state, lost), a direction
 * (out = sent, in = received), a traffic kind (stun, rendezvous, punch, keepalive, other), whose log
 * (self, peer); any other word matches the event's line as text, case-insensitively. A word
 * starting with {@code no-} (e.g. {@code no-rendezvous}) keeps the events it does not match.
 */
final class EventFilter {
    static final List<String> KEYWORDS = List.of("sent", "received", "out", "in", "timeout", "icmp", "state", "lost",
            "stun", "rendezvous", "punch", "keepalive", "other", "self", "peer", "no-rendezvous", "no-stun");

    private EventFilter() {}

    /** Completion values for --filter. */
    static final class Keywords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KEYWORDS.iterator();
        }
    }

    static Predicate<PacketEvent> of(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("no-") && w.length() > 3) {
            return of(w.substring(3)).negate();
        }
        return switch (w) {
            case "sent", "out" -> e -> e.type() == EventType.SENT;
            case "received", "in" -> e -> e.type() == EventType.RECEIVED;
            case "timeout" -> e -> e.type() == EventType.TIMEOUT;
            case "icmp" -> e -> e.type() == EventType.ICMP_ERROR;
            case "state" -> e -> e.type() == EventType.STATE;
            case "lost" -> e -> e.type() == EventType.LOST;
            case "self" -> e -> e.origin() == Origin.SELF;
            case "peer" -> e -> e.origin() == Origin.PEER;
            case "stun", "rendezvous", "punch", "keepalive", "other" -> {
                TrafficKind k = TrafficKind.valueOf(w.toUpperCase(Locale.ROOT));
                yield e -> e.kind() == k && e.type() != EventType.STATE;
            }
            default -> e -> PacketLineFormat.format(e, null).toLowerCase(Locale.ROOT).contains(w);
        };
    }

    /** All the words must match (an empty list matches everything). */
    static Predicate<PacketEvent> all(List<String> words) {
        Predicate<PacketEvent> all = e -> true;
        for (String f : words) {
            all = all.and(of(f));
        }
        return all;
    }

    /** Every filter must match; then the last {@code tail} events (all when null). */
    static List<PacketEvent> apply(List<PacketEvent> events, List<String> filters, Integer tail) {
        Predicate<PacketEvent> all = all(filters);
        List<PacketEvent> kept = new ArrayList<>();
        for (PacketEvent e : events) {
            if (all.test(e)) {
                kept.add(e);
            }
        }
        return tail == null || kept.size() <= tail ? kept : kept.subList(kept.size() - tail, kept.size());
    }
}
