package io.natprobe.report.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.log.EventType;
import io.natprobe.log.PacketLineFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The HTML report read back as a document: every packet is one arrow, drops and ICMP sit where they happened. */
class SupportReportHtmlTest {

    private static Map<Integer, Element> arrowsByEvent(HtmlDoc d) throws Exception {
        Map<Integer, Element> by = new HashMap<>();
        for (Element g : d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]")) {
            for (String id : g.getAttribute("data-events").split(" ")) {
                Element before = by.put(Integer.parseInt(id), g);
                assertThat(before).as("event %s drawn by two arrows", id).isNull();
            }
        }
        return by;
    }

    /** The x of a lane's lifeline. */
    private static double laneX(HtmlDoc d, String lane) throws Exception {
        return Double.parseDouble(d.text("//g[contains(@class,'lane-" + lane + "')]/line/@x1"));
    }

    @Test
    void everyPacketEventIsExactlyOneArrowAndEveryOtherEventANote() throws Exception {
        ReportInputs in = ReportFixtures.both();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        Map<Integer, Element> arrows = arrowsByEvent(d);
        List<SidedEvent> events = in.allEvents();
        assertThat(events).hasSize(17);
        List<Integer> noteIds = new ArrayList<>();
        for (Element n : d.all("//g[contains(concat(' ', @class, ' '), ' note ')]")) {
            noteIds.add(Integer.parseInt(n.getAttribute("data-event")));
        }
        for (SidedEvent e : events) {
            EventType t = e.event().type();
            boolean drawnAsArrow = t.isPacket() || t == EventType.ICMP_ERROR;
            assertThat(arrows.containsKey(e.id())).as("arrow for %s", e).isEqualTo(drawnAsArrow);
            assertThat(noteIds.contains(e.id())).as("note for %s", e).isEqualTo(!drawnAsArrow);
        }
        // 4 server exchanges + 3 lost + 1 ICMP + 3 pairs sent/received
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]")).hasSize(11);
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]/line")).hasSize(11);
        // every event is also one row of the packet table
        assertThat(d.all("//table[@class='packets']/tbody/tr")).hasSize(17);
    }

    @Test
    void aPacketTheReceiverNeverSawEndsWithAnXAtTheFarNat() throws Exception {
        HtmlDoc d = new HtmlDoc(SupportReport.html(ReportFixtures.both()));
        List<Element> lost = d.all("//g[contains(concat(' ', @class, ' '), ' lost ')]");
        assertThat(lost).hasSize(3);
        double natB = laneX(d, "nat-b");
        for (Element g : lost) {
            assertThat(g.getElementsByTagName("path").getLength()).as("X mark").isEqualTo(1);
            Element path = (Element) g.getElementsByTagName("path").item(0);
            assertThat(path.getAttribute("class")).isEqualTo("drop");
            // the X is centred on NAT B's lifeline: its strokes run from natB-6 to natB+6
            assertThat(path.getAttribute("d")).startsWith("M" + fmt(natB - 6) + ",");
            Element line = (Element) g.getElementsByTagName("line").item(0);
            assertThat(Double.parseDouble(line.getAttribute("x1"))).isEqualTo(laneX(d, "host-a"));
        }
        assertThat(d.all("//table[@class='packets']/tbody/tr[@class='lost']")).hasSize(3);
    }

    @Test
    void anIcmpErrorComesBackFromTheNatThatRefusedThePacket() throws Exception {
        HtmlDoc d = new HtmlDoc(SupportReport.html(ReportFixtures.both()));
        List<Element> icmp = d.all("//g[contains(concat(' ', @class, ' '), ' icmp ')]");
        assertThat(icmp).hasSize(1);
        Element line = (Element) icmp.get(0).getElementsByTagName("line").item(0);
        assertThat(Double.parseDouble(line.getAttribute("x1"))).isEqualTo(laneX(d, "nat-b"));
        assertThat(Double.parseDouble(line.getAttribute("x2"))).isLessThan(laneX(d, "host-a") + 3);
    }

    @Test
    void aPacketSeenByBothSidesIsOneArrowFromHostToHostAndDownwards() throws Exception {
        HtmlDoc d = new HtmlDoc(SupportReport.html(ReportFixtures.both()));
        Element pair = d.all("//g[@data-events='9 10']").get(0);
        assertThat(HtmlDoc.hasClass(pair, "delivered")).isTrue();
        Element line = (Element) pair.getElementsByTagName("line").item(0);
        assertThat(Double.parseDouble(line.getAttribute("x1"))).isEqualTo(laneX(d, "host-b"));
        assertThat(Double.parseDouble(line.getAttribute("x2"))).isCloseTo(laneX(d, "host-a"), org.assertj.core.data.Offset.offset(3.0));
        assertThat(Double.parseDouble(line.getAttribute("y2"))).isGreaterThan(Double.parseDouble(line.getAttribute("y1")));
    }

    @Test
    void everyArrowHasTheLogLinesAsTooltip() throws Exception {
        ReportInputs in = ReportFixtures.both();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        List<SidedEvent> events = in.allEvents();
        for (Element g : d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]")) {
            String title = g.getElementsByTagName("title").item(0).getTextContent();
            for (String id : g.getAttribute("data-events").split(" ")) {
                SidedEvent e = events.get(Integer.parseInt(id));
                assertThat(title).contains(PacketLineFormat.format(e.event(), events.get(0).event().at()).strip());
            }
        }
    }

    @Test
    void untrustedTextComesOutInert() throws Exception {
        String html = SupportReport.html(ReportFixtures.both());
        HtmlDoc d = new HtmlDoc(html); // well-formed: nothing broke out of its element
        assertThat(d.all("//script")).isEmpty();
        assertThat(d.all("//b")).isEmpty(); // the warning's <b> stays text
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(d.text("//table[@class='packets']")).contains(ReportFixtures.EVIL);
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreReplaced() {
        assertThat(Html.esc("a\u0000b\u001bc\ud800d\ud83d\ude00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\ud83d\ude00");
    }

    @Test
    void thePageLoadsNothingAndRunsNothing() throws Exception {
        String html = SupportReport.html(ReportFixtures.both());
        HtmlDoc d = new HtmlDoc(html);
        assertThat(d.all("//*[@src or @href]")).isEmpty();
        assertThat(d.all("//link | //img | //iframe | //object | //embed | //script")).isEmpty();
        assertThat(html).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(http")
                .doesNotContainIgnoringCase("javascript:");
        assertThat(d.all("//*[@*[starts-with(name(), 'on')]]")).isEmpty();
        assertThat(d.text("//meta[@http-equiv='Content-Security-Policy']/@content")).startsWith("default-src 'none'");
    }

    @Test
    void theVerdictAndBothSidesAreAtTheTop() throws Exception {
        HtmlDoc d = new HtmlDoc(SupportReport.html(ReportFixtures.both()));
        assertThat(d.text("//section[@id='verdict']/@class")).contains("ok");
        assertThat(d.text("//section[@id='verdict']/p[@class='headline']")).contains("both directions");
        assertThat(d.text("//div[@id='side-a']")).contains("endpoint-independent", "mapping-I, mapping-II", "about 30 s",
                "every 22 s", "NOT met");
        assertThat(d.text("//div[@id='side-b']")).contains("198.51.100.20:61001");
        assertThat(d.text("//g[contains(@class,'lane-nat-b')]")).contains("198.51.100.20:61001");
        assertThat(d.text("//g[contains(@class,'lane-server')]")).contains("203.0.113.1:3478");
    }

    @Test
    void aLongPauseIsCutAndLabelled() throws Exception {
        HtmlDoc d = new HtmlDoc(SupportReport.html(ReportFixtures.both()));
        assertThat(d.all("//g[@class='gap']")).hasSize(1);
        assertThat(d.text("//g[@class='gap']/text")).isEqualTo("5.000s idle");
    }

    @Test
    void withOnlyOneSidesLogArrivalIsUnknownAndLanesSayWhatIsMissing() throws Exception {
        ReportInputs in = ReportInputs.builder().events(Side.A, ReportFixtures.logA()).build();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' lost ')]")).isEmpty();
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' unconfirmed ')]")).hasSize(5);
        assertThat(d.text("//g[contains(@class,'lane-host-b')]")).contains("address unknown");
        assertThat(d.text("//g[contains(@class,'lane-nat-b')]")).contains("198.51.100.20:61001"); // where A's punches went
        assertThat(d.text("//g[contains(@class,'lane-nat-a')]")).contains("public address unknown");
        assertThat(d.text("//div[@id='side-b']")).contains("No classification of side B");
        assertThat(d.text("//section[@id='verdict']/@class")).contains("unknown"); // B's punch arrived at A; A's: not known
        assertThat(d.text("//section[@id='verdict']/p[@class='headline']")).contains("from B to A", "not known");
    }

    @Test
    void nothingButClassificationsStillMakesAReport() throws Exception {
        ReportInputs in = ReportInputs.builder()
                .classification(Side.A, ReportFixtures.classification("10.0.1.10:1", "198.51.100.10:1", "address-and-port-dependent",
                        "address-and-port-dependent"))
                .classification(Side.B, ReportFixtures.classification("10.0.2.20:1", "198.51.100.20:1", "endpoint-independent",
                        "address-and-port-dependent"))
                .build();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        assertThat(d.text("//section[@id='verdict']/@class")).contains("fail");
        assertThat(d.text("//section[@id='verdict']")).contains("not expected to work", "relay");
        assertThat(d.all("//svg")).isEmpty();
        assertThat(d.text("//section[@id='ladder-section']")).contains("No packet log was given");
    }

    @Test
    void aReceiptLoggedBeforeItsSendReturnedIsStillOneArrowAndDoesNotPointUp() throws Exception {
        // On one machine the receiver can log a packet microseconds before the sender's send() returns.
        var sent = ReportFixtures.ev(100, EventType.SENT, io.natprobe.log.TrafficKind.PUNCH, ReportFixtures.A_LOCAL,
                ReportFixtures.B_PUBLIC, 8, "punch", ReportFixtures.bytes(7, 8));
        var got = ReportFixtures.ev(99, EventType.RECEIVED, io.natprobe.log.TrafficKind.PUNCH, ReportFixtures.B_LOCAL,
                ReportFixtures.A_PUBLIC, 8, "punch", ReportFixtures.bytes(7, 8));
        ReportInputs in = ReportInputs.builder().events(Side.A, List.of(sent)).events(Side.B, List.of(got)).build();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        List<Element> arrows = d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]");
        assertThat(arrows).hasSize(1);
        assertThat(arrows.get(0).getAttribute("data-events")).isEqualTo("1 0");
        assertThat(HtmlDoc.hasClass(arrows.get(0), "delivered")).isTrue();
        Element line = (Element) arrows.get(0).getElementsByTagName("line").item(0);
        assertThat(Double.parseDouble(line.getAttribute("y2"))).isGreaterThanOrEqualTo(Double.parseDouble(line.getAttribute("y1")));
        assertThat(SupportReport.text(in)).contains("punch (arrived within 1 ms)");
    }

    @Test
    void aVeryLongLogIsPairedAndListedInFullButDrawnOnlyInPart() throws Exception {
        // 4,000 identical keepalives each way: every send pairs with its own receipt (content buckets keep this fast)
        List<io.natprobe.log.PacketEvent> a = new ArrayList<>();
        List<io.natprobe.log.PacketEvent> b = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            a.add(ReportFixtures.ev(i * 20L, EventType.SENT, io.natprobe.log.TrafficKind.KEEPALIVE, ReportFixtures.A_LOCAL,
                    ReportFixtures.B_PUBLIC, 4, "keepalive", ReportFixtures.bytes(1, 4)));
            b.add(ReportFixtures.ev(i * 20L + 5, EventType.RECEIVED, io.natprobe.log.TrafficKind.KEEPALIVE, ReportFixtures.B_LOCAL,
                    ReportFixtures.A_PUBLIC, 4, "keepalive", ReportFixtures.bytes(1, 4)));
        }
        ReportInputs in = ReportInputs.builder().events(Side.A, a).events(Side.B, b).build();
        String html = SupportReport.html(in);
        HtmlDoc d = new HtmlDoc(html);
        assertThat(d.all("//table[@class='packets']/tbody/tr")).hasSize(8000);
        assertThat(d.all("//table[@class='packets']/tbody/tr[@class='lost']")).isEmpty();
        List<Element> arrows = d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]");
        assertThat(arrows).hasSize(Ladder.MAX_DRAWN_EVENTS / 2);
        assertThat(arrows.get(10).getAttribute("data-events")).isEqualTo("20 21");
        assertThat(d.text("//section[@id='ladder-section']")).contains("The ladder shows the first 3000 of 8000 events");
        assertThat(d.text("//section[@id='verdict']/p[@class='headline']")).contains("none were sent from B to A");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
