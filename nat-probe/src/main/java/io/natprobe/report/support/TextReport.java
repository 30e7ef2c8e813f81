package io.natprobe.report.support;

import io.natprobe.log.PacketLineFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as plain text for a ticket: verdict, each side's behaviour and lifetimes, an ASCII
 * ladder (one line per packet, lanes as columns), and every event in the packet log's own line format.
 */
final class TextReport {
    static final int LANE_WIDTH = 14;
    static final int TIME_WIDTH = 10;

    private TextReport() {}

    static String render(Report r) {
        StringBuilder b = new StringBuilder(8192);
        Verdict v = r.verdict();
        b.append("natprobe support report\n\n");
        b.append("Verdict: ").append(v.headline()).append('\n');
        v.details().forEach(d -> b.append("  - ").append(d).append('\n'));
        if (!v.advice().isEmpty()) {
            b.append("What to try:\n");
            v.advice().forEach(d -> b.append("  - ").append(d).append('\n'));
        }
        for (SideFacts f : r.facts()) {
            b.append("\nSide ").append(f.side()).append('\n');
            if (!f.measured()) {
                b.append("  no classification given (local ").append(join(r.book().localsOrdered(f.side())))
                        .append(", public ").append(join(r.book().publicsOrdered(f.side()))).append(")\n");
                continue;
            }
            for (SideFacts.Row row : f.rows()) {
                b.append("  ").append(String.format(Locale.ROOT, "%-30s", row.name())).append(' ').append(row.value());
                if (!row.evidence().isEmpty()) b.append("  [").append(row.evidence()).append(']');
                b.append('\n');
            }
            f.warnings().forEach(w -> b.append("  warning: ").append(w).append('\n'));
        }
        if (!r.events().isEmpty()) {
            b.append("\nLadder (time downwards; ---> arrived, ...> arrival unknown, --X lost where the X is, <~~ ICMP error, * note)\n");
            ladder(b, r);
            b.append("\nPacket log (").append(r.events().size()).append(" events, from ")
                    .append(r.events().get(0).event().at()).append(")\n");
            for (SidedEvent e : r.events()) {
                b.append(String.format(Locale.ROOT, "%4d %s ", e.id() + 1, e.side()))
                        .append(PacketLineFormat.format(e.event(), r.ladder().start())).append('\n');
            }
        } else {
            b.append("\nNo packet log was given.\n");
        }
        if (!r.inputs().sources().isEmpty()) {
            b.append("\nMade from\n");
            r.inputs().sources().forEach(s -> b.append("  ").append(s).append('\n'));
        }
        return b.toString();
    }

    private static String join(List<Addresses.Endpoint> l) {
        if (l.isEmpty()) return "unknown";
        List<String> s = new ArrayList<>();
        l.forEach(e -> s.add(e.toString()));
        return String.join(", ", s);
    }

    private record Line(int row, String text) {}

    private static void ladder(StringBuilder b, Report r) {
        Ladder l = r.ladder().firstEvents(Ladder.MAX_DRAWN_EVENTS);
        if (l != r.ladder()) {
            b.append("(the ladder shows the first ").append(l.events().size()).append(" of ").append(r.events().size())
                    .append(" events; the packet log below lists them all)\n");
        }
        int width = l.lanes().size() * LANE_WIDTH;
        StringBuilder head = new StringBuilder(" ".repeat(TIME_WIDTH));
        for (Lane lane : l.lanes()) {
            head.append(center(lane.title(), LANE_WIDTH));
        }
        b.append(head.toString().stripTrailing()).append('\n');
        Map<Lane, List<String>> labels = r.laneLabels();
        List<String> legend = new ArrayList<>();
        for (Lane lane : l.lanes()) {
            legend.add(lane.title() + " = " + String.join(", ", labels.getOrDefault(lane, List.of("?"))));
        }
        b.append(" ".repeat(TIME_WIDTH)).append(String.join("; ", legend)).append('\n');
        List<Line> lines = new ArrayList<>();
        for (Ladder.Arrow a : l.arrows()) {
            char[] row = lifelines(l, width);
            int c1 = col(l, a.from());
            int c2 = col(l, a.to());
            char fill = switch (a.style()) {
                case ICMP -> '~';
                case UNCONFIRMED -> '.';
                default -> '-';
            };
            int step = c2 > c1 ? 1 : -1;
            for (int c = c1 + step; c != c2; c += step) row[c] = fill;
            row[c1] = 'o';
            if (a.style() == Ladder.Style.LOST) {
                row[c2] = 'X';
            } else {
                row[c2 - step] = step > 0 ? '>' : '<';
            }
            String text = a.label();
            if (a.eventIds().size() > 1) {
                Duration d = Duration.between(l.events().get(a.eventIds().get(0)).event().at(),
                        l.events().get(a.eventIds().get(1)).event().at());
                text += d.toMillis() < 1 ? " (arrived within 1 ms)" : " (arrived after " + d.toMillis() + " ms)";
            }
            if (a.style() == Ladder.Style.LOST) text += " - never received";
            lines.add(new Line(a.fromRow(), time(l, a.fromRow()) + new String(row) + "  " + text));
        }
        for (Ladder.Note n : l.notes()) {
            char[] row = lifelines(l, width);
            row[col(l, n.lane())] = '*';
            lines.add(new Line(n.eventId(), time(l, n.eventId()) + new String(row) + "  " + n.text()));
        }
        lines.sort(Comparator.comparingInt(Line::row));
        for (Line line : lines) b.append(line.text().stripTrailing()).append('\n');
    }

    private static char[] lifelines(Ladder l, int width) {
        char[] row = " ".repeat(width).toCharArray();
        for (Lane lane : l.lanes()) row[col(l, lane)] = '|';
        return row;
    }

    private static int col(Ladder l, Lane lane) {
        return Math.max(0, l.lanes().indexOf(lane)) * LANE_WIDTH + LANE_WIDTH / 2;
    }

    private static String time(Ladder l, int row) {
        return String.format(Locale.ROOT, "%-" + TIME_WIDTH + "s", LadderSvg.relative(l, row));
    }

    private static String center(String s, int w) {
        String t = shorten(s, w);
        int left = (w - t.length()) / 2;
        return " ".repeat(left) + t + " ".repeat(w - t.length() - left);
    }

    private static String shorten(String s, int w) {
        return s.length() <= w ? s : s.substring(0, w - 1) + "~";
    }
}
