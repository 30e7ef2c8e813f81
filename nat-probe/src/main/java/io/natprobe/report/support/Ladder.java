package io.natprobe.report.support;

import java.time.Instant;
import java.util.List;

/**
 * The ladder (sequence) diagram as data: one {@link Arrow} per packet (a packet logged by both sides
 * is one arrow carrying both events), one {@link Note} per timeout or state change. Rows are event
 * numbers of the merged timeline; {@link LadderSvg} and {@link TextReport} draw it.
 */
public record Ladder(List<SidedEvent> events, List<Lane> lanes, List<Arrow> arrows, List<Note> notes, Instant start) {

    public Ladder {
        events = List.copyOf(events);
        lanes = List.copyOf(lanes);
        arrows = List.copyOf(arrows);
        notes = List.copyOf(notes);
    }

    /** The most rows a drawn ladder holds; the packet table always lists every event. */
    public static final int MAX_DRAWN_EVENTS = 3000;

    /**
     * The first {@code max} events with the arrows and notes that lie wholly among them (for drawing a
     * very long log: a browser cannot lay out an SVG of a million rows).
     */
    public Ladder firstEvents(int max) {
        if (events.size() <= max) return this;
        List<Arrow> a = arrows.stream().filter(x -> x.eventIds().stream().allMatch(id -> id < max)).toList();
        List<Note> n = notes.stream().filter(x -> x.eventId() < max).toList();
        return new Ladder(events.subList(0, max), lanes, a, n, start);
    }

    public enum Style {
        /** Seen leaving one side and arriving at the other (or a server's answer that arrived). */
        DELIVERED("delivered"),
        /** Sent, and nothing tells whether it arrived (no log from the receiving side, or to a server). */
        UNCONFIRMED("unconfirmed"),
        /** Sent, and the receiving side's log shows it never arrived: stopped at the NAT in front of it. */
        LOST("lost"),
        /** An ICMP error, drawn from where it came back to the socket that got it. */
        ICMP("icmp");

        private final String css;

        Style(String css) {
            this.css = css;
        }

        public String css() {
            return css;
        }
    }

    /**
     * @param eventIds  the events this arrow stands for (sender's first), each in exactly one arrow
     * @param fromRow   the event row where the arrow starts (the send, or the receive for a one-sided receive)
     * @param toRow     the event row where it ends
     * @param sloped    true when start and end are the same event: drawn with a small slope after (send) or before (receive)
     * @param startsLater true for a one-sided receive: the slope goes up to the row
     * @param label     the short text on the arrow
     * @param note      extra words for the tooltip and table, or empty
     */
    public record Arrow(List<Integer> eventIds, Lane from, Lane to, int fromRow, int toRow, Style style,
                        boolean sloped, boolean startsLater, String label, String note) {
        public Arrow {
            eventIds = List.copyOf(eventIds);
        }
    }

    public enum NoteKind { TIMEOUT, STATE }

    /** A timeout or state change at one lane and row. */
    public record Note(int eventId, Lane lane, NoteKind kind, String text) {}
}
