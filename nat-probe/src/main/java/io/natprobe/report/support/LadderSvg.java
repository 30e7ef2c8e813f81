package io.natprobe.report.support;

import static io.natprobe.report.support.Html.esc;

import io.natprobe.log.PacketLineFormat;
import io.natprobe.log.TrafficKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Ladder} as inline SVG: lanes left to right (host A, NAT A, server, NAT B, host B),
 * time downwards ({@link TimeAxis}), one {@code <g class="arrow ...">} per arrow with a
 * {@code <title>} holding the packet line(s), an X where a lost packet was stopped, notes for
 * timeouts and state changes. Every text is escaped; the SVG loads nothing.
 */
final class LadderSvg {
    static final double LEFT = 70;
    static final double LANE_GAP = 210;
    static final double FIRST_LANE = LEFT + 100;
    static final double HEADER_TOP = 8;
    static final double HEADER_HEIGHT = 62;
    static final double TOP = HEADER_TOP + HEADER_HEIGHT + 30;
    static final double SLOPE = 9;

    private LadderSvg() {}

    static String render(Ladder ladder, Map<Lane, List<String>> laneLabels) {
        TimeAxis axis = TimeAxis.of(ladder.events(), TOP);
        double width = FIRST_LANE + (ladder.lanes().size() - 1) * LANE_GAP + 110;
        double height = axis.bottom() + 40;
        StringBuilder b = new StringBuilder(8192);
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"packet ladder diagram\">\n", width, height, width, height));
        defs(b);
        for (TimeAxis.Gap g : axis.gaps()) {
            b.append(String.format(Locale.ROOT, "<g class=\"gap\"><rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\"/>"
                    + "<text x=\"8\" y=\"%.1f\">%s idle</text></g>\n", g.yFrom(), width, g.yTo() - g.yFrom(),
                    (g.yFrom() + g.yTo()) / 2 + 4, esc(seconds(g.length()))));
        }
        for (Lane lane : ladder.lanes()) {
            lane(b, lane, x(ladder, lane), height, laneLabels.getOrDefault(lane, List.of()));
        }
        for (int i = 0; i < ladder.events().size(); i++) {
            b.append(String.format(Locale.ROOT, "<text class=\"t\" x=\"8\" y=\"%.1f\">%s</text>\n", axis.y(i) + 4,
                    esc(relative(ladder, i))));
        }
        for (Ladder.Note n : ladder.notes()) {
            note(b, ladder, axis, n);
        }
        for (Ladder.Arrow a : ladder.arrows()) {
            arrow(b, ladder, axis, a);
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void defs(StringBuilder b) {
        b.append("<defs>\n");
        for (String[] c : new String[][] {{"server", "#6e7781"}, {"peer", "#0969da"}, {"keep", "#1a7f37"},
                {"lost", "#cf222e"}, {"icmp", "#bc4c00"}, {"other", "#8250df"}}) {
            b.append("<marker id=\"head-").append(c[0]).append("\" viewBox=\"0 0 10 10\" refX=\"9.5\" refY=\"5\" markerWidth=\"7\" "
                    + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(c[1]).append("\"/></marker>\n");
        }
        b.append("</defs>\n");
    }

    private static void lane(StringBuilder b, Lane lane, double x, double height, List<String> lines) {
        boolean nat = lane == Lane.NAT_A || lane == Lane.NAT_B;
        b.append("<g class=\"lane lane-").append(lane.cssName()).append("\">");
        b.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                nat ? "life nat" : "life", x, HEADER_TOP + HEADER_HEIGHT, x, height - 10));
        b.append(String.format(Locale.ROOT, "<rect class=\"head%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\"/>",
                nat ? " nat" : "", x - 96, HEADER_TOP, 192.0, HEADER_HEIGHT));
        b.append(String.format(Locale.ROOT, "<text class=\"lane-title\" x=\"%.1f\" y=\"%.1f\">%s</text>", x, HEADER_TOP + 19,
                esc(lane.title())));
        double y = HEADER_TOP + 36;
        for (String line : lines) {
            b.append(String.format(Locale.ROOT, "<text class=\"lane-addr\" x=\"%.1f\" y=\"%.1f\">%s</text>", x, y, esc(line)));
            y += 14;
        }
        b.append("</g>\n");
    }

    private static void note(StringBuilder b, Ladder ladder, TimeAxis axis, Ladder.Note n) {
        double x = x(ladder, n.lane());
        double y = axis.y(n.eventId());
        boolean right = n.lane() != Lane.HOST_B && n.lane() != Lane.OTHER;
        String text = n.text().length() > 60 ? n.text().substring(0, 57) + "..." : n.text();
        double w = text.length() * 6.1 + 14;
        double rx = right ? x + 8 : x - 8 - w;
        String cls = n.kind() == Ladder.NoteKind.TIMEOUT ? "timeout" : "state";
        b.append("<g class=\"note ").append(cls).append("\" data-event=\"").append(n.eventId()).append("\">");
        b.append("<title>").append(esc(PacketLineFormat.format(ladder.events().get(n.eventId()).event(), ladder.start()))).append("</title>");
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>", x, y));
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"17\" rx=\"3\"/>", rx, y - 9, w));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", rx + 7, y + 3.5, esc(text)));
        b.append("</g>\n");
    }

    private static void arrow(StringBuilder b, Ladder ladder, TimeAxis axis, Ladder.Arrow a) {
        double x1 = x(ladder, a.from());
        double x2 = x(ladder, a.to());
        double y1;
        double y2;
        if (a.sloped()) {
            double y = axis.y(a.fromRow());
            y1 = a.startsLater() ? y - SLOPE : y;
            y2 = a.startsLater() ? y : y + SLOPE;
        } else {
            y1 = axis.y(a.fromRow());
            y2 = Math.max(axis.y(a.toRow()), y1); // a receipt logged "before" its send: clocks differ; draw level
        }
        TrafficKind kind = ladder.events().get(a.eventIds().get(0)).event().kind();
        String color = switch (a.style()) {
            case LOST -> "lost";
            case ICMP -> "icmp";
            default -> kind == TrafficKind.STUN || kind == TrafficKind.RENDEZVOUS ? "server"
                    : kind == TrafficKind.KEEPALIVE ? "keep" : kind == TrafficKind.OTHER ? "other" : "peer";
        };
        // Shorten so the head ends at the lane line (or just before the X of a drop).
        double dir = Math.signum(x2 - x1);
        double end = a.style() == Ladder.Style.LOST ? 9 : 2;
        double ex = x2 - dir * end;
        double ey = x2 == x1 ? y2 : y1 + (y2 - y1) * ((ex - x1) / (x2 - x1));
        StringBuilder ids = new StringBuilder();
        for (int id : a.eventIds()) ids.append(ids.length() == 0 ? "" : " ").append(id);
        b.append("<g class=\"arrow ").append(a.style().css()).append(" kind-").append(kind.label()).append("\" id=\"arrow-")
                .append(a.eventIds().get(0)).append("\" data-events=\"").append(ids).append("\">");
        b.append("<title>").append(esc(tooltip(ladder, a))).append("</title>");
        b.append(String.format(Locale.ROOT, "<line class=\"c-%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s/>",
                color, x1, y1, ex, ey, a.style() == Ladder.Style.LOST ? "" : " marker-end=\"url(#head-" + color + ")\""));
        if (a.style() == Ladder.Style.LOST) {
            b.append(String.format(Locale.ROOT, "<path class=\"drop\" d=\"M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f\"/>",
                    x2 - 6, y2 - 6, x2 + 6, y2 + 6, x2 - 6, y2 + 6, x2 + 6, y2 - 6));
        }
        if (a.style() == Ladder.Style.ICMP) {
            b.append(String.format(Locale.ROOT, "<circle class=\"icmp-origin\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", x1, y1));
        }
        String label = a.label().length() > 44 ? a.label().substring(0, 41) + "..." : a.label();
        double lx = (x1 + x2) / 2;
        double ly = (y1 + y2) / 2 - 4;
        if (Math.abs(x2 - x1) > 2.5 * LANE_GAP) { // long arrows: label near the start, clear of the server lane
            lx = x1 + (x2 - x1) * 0.25;
            ly = y1 + (y2 - y1) * 0.25 - 4;
        }
        b.append(String.format(Locale.ROOT, "<text class=\"lbl c-%s\" x=\"%.1f\" y=\"%.1f\">%s</text>", color, lx, ly, esc(label)));
        b.append("</g>\n");
    }

    static String tooltip(Ladder ladder, Ladder.Arrow a) {
        List<String> lines = new ArrayList<>();
        for (int id : a.eventIds()) {
            SidedEvent e = ladder.events().get(id);
            lines.add("#" + (id + 1) + " side " + e.side() + ": " + PacketLineFormat.format(e.event(), ladder.start()).strip());
        }
        if (!a.note().isEmpty()) lines.add(a.note());
        return String.join("\n", lines);
    }

    static double x(Ladder ladder, Lane lane) {
        int i = ladder.lanes().indexOf(lane);
        return FIRST_LANE + Math.max(0, i) * LANE_GAP;
    }

    static String relative(Ladder ladder, int row) {
        return seconds(Duration.between(ladder.start(), ladder.events().get(row).event().at()), true);
    }

    static String seconds(Duration d) {
        return seconds(d, false);
    }

    private static String seconds(Duration d, boolean signed) {
        long ms = d.toMillis();
        String s = String.format(Locale.ROOT, "%d.%03ds", Math.abs(ms) / 1000, Math.abs(ms) % 1000);
        return (ms < 0 ? "-" : signed ? "+" : "") + s;
    }
}
