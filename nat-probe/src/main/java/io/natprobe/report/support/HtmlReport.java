package io.natprobe.report.support;

import static io.natprobe.report.support.Html.esc;

import io.natprobe.log.EventType;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLineFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML page: verdict, each side's NAT behaviour with its evidence, the ladder
 * diagram, every packet in a table. Inline CSS only, no script, nothing loaded from anywhere (a
 * Content-Security-Policy says so to the browser too). The markup is also well-formed XML, which is
 * how the tests read it.
 */
final class HtmlReport {
    private HtmlReport() {}

    static String render(Report r) {
        StringBuilder b = new StringBuilder(32_768);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        b.append("<title>natprobe support report</title>\n<style>\n").append(ReportCss.CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>natprobe support report</h1>\n");
        if (!r.inputs().sources().isEmpty()) {
            b.append("<p class=\"meta\">Made from: ");
            List<String> s = r.inputs().sources();
            for (int i = 0; i < s.size(); i++) {
                b.append(i == 0 ? "" : "; ").append(esc(s.get(i)));
            }
            b.append(".</p>\n");
        }
        if (!r.events().isEmpty()) {
            b.append("<p class=\"meta\">Packet log from ").append(esc(r.events().get(0).event().at().toString()))
                    .append(" (UTC); times below are seconds since then.</p>\n");
        }
        b.append("</header>\n");
        verdict(b, r.verdict());
        sides(b, r);
        ladder(b, r);
        table(b, r);
        evidence(b, r);
        b.append("<footer>Written by natprobe report. This file is self-contained: it loads nothing and runs no script. "
                + "How to read it: docs/report.md in the natprobe sources.</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void verdict(StringBuilder b, Verdict v) {
        b.append("<section id=\"verdict\" class=\"verdict ").append(v.tone().name().toLowerCase(java.util.Locale.ROOT)).append("\">\n");
        b.append("<h2>Verdict</h2>\n<p class=\"headline\">").append(esc(v.headline())).append("</p>\n");
        list(b, "details", v.details());
        if (!v.advice().isEmpty()) {
            b.append("<h3>What to try</h3>\n");
            list(b, "advice", v.advice());
        }
        b.append("</section>\n");
    }

    private static void sides(StringBuilder b, Report r) {
        b.append("<section id=\"sides\">\n<h2>How each side's NAT behaves</h2>\n<div class=\"cols\">\n");
        for (SideFacts f : r.facts()) {
            b.append("<div class=\"side\" id=\"side-").append(f.side().name().toLowerCase(java.util.Locale.ROOT)).append("\">\n");
            b.append("<h3>Side ").append(f.side()).append("</h3>\n");
            if (!f.measured()) {
                b.append("<p class=\"missing\">No classification of side ").append(f.side()).append(" was given (run <code>natprobe "
                        + "classify --json</code> there).");
                List<Addresses.Endpoint> locals = r.book().localsOrdered(f.side());
                List<Addresses.Endpoint> pubs = r.book().publicsOrdered(f.side());
                if (!locals.isEmpty() || !pubs.isEmpty()) {
                    b.append(" From the other inputs: local ").append(esc(join(locals))).append(", public ").append(esc(join(pubs))).append('.');
                }
                b.append("</p>\n</div>\n");
                continue;
            }
            b.append("<table class=\"facts\">\n");
            for (SideFacts.Row row : f.rows()) {
                b.append("<tr><th>").append(esc(row.name())).append("</th><td>").append(esc(row.value()));
                if (!row.evidence().isEmpty()) {
                    b.append("<div class=\"ev\">evidence: ").append(esc(row.evidence())).append("</div>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (!f.warnings().isEmpty()) {
                b.append("<p class=\"warn-title\">Warnings</p>\n");
                list(b, "warnings", f.warnings());
            }
            b.append("</div>\n");
        }
        b.append("</div>\n</section>\n");
    }

    private static String join(List<Addresses.Endpoint> l) {
        if (l.isEmpty()) return "unknown";
        StringBuilder s = new StringBuilder();
        for (Addresses.Endpoint e : l) s.append(s.length() == 0 ? "" : ", ").append(e);
        return s.toString();
    }

    private static void ladder(StringBuilder b, Report r) {
        b.append("<section id=\"ladder-section\">\n<h2>Packet ladder</h2>\n");
        if (r.events().isEmpty()) {
            b.append("<p class=\"missing\">No packet log was given, so there is no ladder. Add the JSONL packet logs of "
                    + "one or both sides.</p>\n</section>\n");
            return;
        }
        b.append("<p class=\"legend\">Time runs downwards; each arrow is one packet (hover for its log line). "
                + "<span class=\"k server\">grey</span> to and from the server, "
                + "<span class=\"k peer\">blue</span> between the peers, <span class=\"k keep\">green</span> keepalives, "
                + "<span class=\"k lost\">red with an X</span> sent but never received (stopped where the X is), "
                + "<span class=\"k icmp\">orange dashed</span> an ICMP error coming back, dashed: not known whether it arrived "
                + "(no log from the receiver). Boxes are timeouts (orange) and steps (grey). Long pauses are cut and labelled.</p>\n");
        Ladder drawn = r.ladder().firstEvents(Ladder.MAX_DRAWN_EVENTS);
        if (drawn != r.ladder()) {
            b.append("<p class=\"missing\">The ladder shows the first ").append(drawn.events().size()).append(" of ")
                    .append(r.events().size()).append(" events; the table below lists them all.</p>\n");
        }
        b.append("<div class=\"svgwrap\">\n").append(LadderSvg.render(drawn, r.laneLabels())).append("</div>\n</section>\n");
    }

    private static void table(StringBuilder b, Report r) {
        if (r.events().isEmpty()) return;
        Map<Integer, Ladder.Arrow> byEvent = new HashMap<>();
        for (Ladder.Arrow a : r.ladder().arrows()) {
            a.eventIds().forEach(id -> byEvent.put(id, a));
        }
        b.append("<section id=\"packets\">\n<h2>Every packet and event</h2>\n<table class=\"packets\">\n");
        b.append("<thead><tr><th>#</th><th>time</th><th>side</th><th>event</th><th>kind</th><th>local</th><th>remote</th>"
                + "<th>bytes</th><th>summary</th></tr></thead>\n<tbody>\n");
        for (SidedEvent e : r.events()) {
            PacketEvent p = e.event();
            Ladder.Arrow a = byEvent.get(e.id());
            String cls = a != null ? a.style().css() : p.type() == EventType.TIMEOUT ? "timeout" : "state";
            b.append("<tr class=\"").append(cls).append("\" id=\"event-").append(e.id()).append("\"><td>").append(e.id() + 1)
                    .append("</td><td>").append(esc(LadderSvg.relative(r.ladder(), e.id())))
                    .append("</td><td>").append(e.side())
                    .append("</td><td>").append(esc(eventWords(p.type(), a)))
                    .append("</td><td>").append(esc(p.kind().label()))
                    .append("</td><td>").append(p.local() == null ? "" : esc(PacketLineFormat.address(p.local())))
                    .append("</td><td>").append(p.remote() == null ? "" : esc(PacketLineFormat.address(p.remote())))
                    .append("</td><td>").append(p.type().isPacket() ? String.valueOf(p.length()) : "")
                    .append("</td><td>").append(esc(p.summary()));
            if (a != null && !a.note().isEmpty()) {
                b.append("<div class=\"ev\">").append(esc(a.note())).append("</div>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static String eventWords(EventType t, Ladder.Arrow a) {
        return switch (t) {
            case SENT -> a != null && a.style() == Ladder.Style.LOST ? "sent, never received" : "sent";
            case RECEIVED -> "received";
            case TIMEOUT -> "timeout";
            case ICMP_ERROR -> "ICMP error";
            case STATE -> "step";
            case LOST -> "lost";
        };
    }

    private static void evidence(StringBuilder b, Report r) {
        boolean any = r.facts().stream().anyMatch(f -> !f.evidence().isEmpty());
        if (!any) return;
        b.append("<section id=\"evidence\">\n<h2>Evidence: the classification's STUN transactions</h2>\n");
        for (SideFacts f : r.facts()) {
            if (f.evidence().isEmpty()) continue;
            b.append("<details><summary>Side ").append(f.side()).append(": ").append(f.evidence().size())
                    .append(" transactions</summary>\n");
            list(b, "transactions", f.evidence());
            b.append("</details>\n");
        }
        b.append("</section>\n");
    }

    private static void list(StringBuilder b, String cls, List<String> items) {
        if (items.isEmpty()) return;
        b.append("<ul class=\"").append(cls).append("\">\n");
        for (String s : items) b.append("<li>").append(esc(s)).append("</li>\n");
        b.append("</ul>\n");
    }
}
