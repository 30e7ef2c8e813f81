package io.natprobe.report.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.Timeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** Punch results, lifetime results, merged timelines, and inputs whose fields have the wrong shape. */
class PunchAndOddInputsTest {

    private static JsonNode json(String s) throws Exception {
        return ReportFixtures.JSON.readTree(s);
    }

    /** The shape PunchJson (natprobe punch --json) writes. */
    static final String FAILED_PUNCH = """
            {"schema":"natprobe.punch/1","session":"amber-falcon-42",
             "self":{"role":"A","local":"10.0.1.10:40000","mapped":"198.51.100.10:40000",
                     "nat":{"mapping":"endpoint-independent","filtering":"address-and-port-dependent","mappedOther":"198.51.100.10:40000"}},
             "peer":{"role":"B","mapped":"198.51.100.20:61001","seenFrom":"198.51.100.20:61007","locals":["10.0.2.20:50000"],
                     "nat":{"mapping":"endpoint-dependent","filtering":"address-and-port-dependent","mappedOther":"198.51.100.20:61002"}},
             "result":"failed",
             "directions":[{"from":"A","result":"failed","strategy":"simultaneous","timeToConnectMs":null,"path":null,
                            "remote":null,"probesSent":50,"rttMs":null},
                           {"from":"B","result":"failed","strategy":"stepwise","timeToConnectMs":null,"path":null,
                            "remote":null,"probesSent":50,"rttMs":null}],
             "diagnosis":{"code":"endpoint-dependent-mapping","summary":"B's NAT gives a new port for every destination.",
                          "details":["B was seen from 198.51.100.20:61001 by the server and from :61007 by A"],
                          "advice":["Use a relay (TURN) for this pair."]}}
            """;

    @Test
    void aPunchResultGivesTheVerdictAndTheAddresses() throws Exception {
        ReportInputs in = ReportInputs.builder().punch(Side.A, json(FAILED_PUNCH)).build();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        assertThat(d.text("//section[@id='verdict']/@class")).contains("fail");
        assertThat(d.text("//section[@id='verdict']/p[@class='headline']"))
                .isEqualTo("No direct connection: B's NAT gives a new port for every destination.");
        assertThat(d.text("//section[@id='verdict']")).contains("A went first: failed with strategy simultaneous",
                "B went first: failed with strategy stepwise", "finding: endpoint-dependent-mapping", "Use a relay (TURN)");
        String text = SupportReport.text(in);
        assertThat(text).contains("Verdict: No direct connection: B's NAT gives a new port", "  - B was seen from");
        AddressBook book = AddressBook.of(in, in.allEvents());
        assertThat(book.locals(Side.A)).extracting(Object::toString).containsExactly("10.0.1.10:40000");
        assertThat(book.publics(Side.A)).extracting(Object::toString).containsExactly("198.51.100.10:40000");
        assertThat(book.publics(Side.B)).extracting(Object::toString)
                .containsExactly("198.51.100.20:61001", "198.51.100.20:61002", "198.51.100.20:61007");
        assertThat(book.reportedPublics(Side.B)).extracting(Object::toString).doesNotContain("198.51.100.20:61007");
        assertThat(book.locals(Side.B)).extracting(Object::toString).containsExactly("10.0.2.20:50000");
        // without classifications, each side's row comes from the punch's quick NAT check
        assertThat(d.text("//div[@id='side-b']")).contains("endpoint-dependent - a new public port for other destinations",
                "quick check by natprobe punch", "not given (run natprobe classify --json on this side)");
        assertThat(d.text("//div[@id='side-a']")).contains("endpoint-independent - the same public port for every destination");
    }

    @Test
    void aConnectedPunchSaysSo() throws Exception {
        ReportInputs in = ReportInputs.builder().punch(Side.B, json("""
                {"schema":"natprobe.punch/1","result":"connected",
                 "directions":[{"from":"B","result":"connected","strategy":"stepwise","timeToConnectMs":180}],
                 "diagnosis":"Both NATs keep one port per socket."}""")).build();
        Verdict v = SupportReport.verdict(in);
        assertThat(v.tone()).isEqualTo(Verdict.Tone.OK);
        assertThat(v.headline()).startsWith("Direct connection works").endsWith("Both NATs keep one port per socket.");
        assertThat(v.details()).containsExactly("B went first: connected with strategy stepwise after 180 ms");
    }

    @Test
    void aLifetimeResultFillsTheLifetimeRows() throws Exception {
        ReportInputs in = ReportInputs.builder().lifetime(Side.B, json("""
                {"schema":"natprobe.lifetime/1","server":"203.0.113.1:3478",
                 "singleExchange":{"seconds":null,"lowerBound":300,"upperBound":null},
                 "sustained":{"seconds":120,"lowerBound":110,"upperBound":120},"maxSeconds":300,
                 "meetsRfc4787":true,"keepaliveSeconds":25,"warnings":["loss seen"],"durationMs":300000,"transactions":[]}""")).build();
        String t = SupportReport.text(in);
        assertThat(t).contains("idle binding, one exchange     at least 300 s (still open at the longest delay tried)",
                "idle binding, two-way traffic  about 120 s (alive after 110 s idle, gone after 120 s)",
                "RFC 4787 REQ-5                 met", "every 25 s", "warning: loss seen");
    }

    @Test
    void aMergedTimelineInOneFileCoversBothSides() throws Exception {
        List<PacketEvent> merged = Timeline.merge(ReportFixtures.logA(), ReportFixtures.logB(), Duration.ZERO);
        assertThat(merged).anyMatch(e -> e.origin() == Origin.PEER);
        ReportInputs in = ReportInputs.builder().events(Side.A, merged).build();
        assertThat(in.hasLogOf(Side.B)).isTrue();
        ReportInputs separate = ReportFixtures.both();
        assertThat(SupportReport.verdict(in)).isEqualTo(SupportReport.verdict(separate));
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' lost ')]")).hasSize(3);
        assertThat(d.all("//g[@data-events='9 10']")).hasSize(1);
    }

    @Test
    void aPacketToAnAddressNobodyKnowsGetsItsOwnLane() throws Exception {
        var stray = ReportFixtures.ev(50, EventType.SENT, io.natprobe.log.TrafficKind.OTHER, ReportFixtures.A_LOCAL,
                ReportFixtures.addr("192.168.77.7", 9), 3, "stray", null);
        ReportInputs in = ReportInputs.builder().events(Side.A, List.of(stray)).build();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        double other = Double.parseDouble(d.text("//g[contains(@class,'lane-other')]/line/@x1"));
        Element line = (Element) d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]/line").get(0);
        assertThat(Double.parseDouble(line.getAttribute("x2"))).isCloseTo(other, org.assertj.core.data.Offset.offset(3.0));
        assertThat(d.text("//g[contains(@class,'lane-other')]")).contains("elsewhere", "unknown addresses");
        assertThat(SupportReport.text(in)).contains("elsewhere");
        // without such a packet there is no such lane
        assertThat(new HtmlDoc(SupportReport.html(ReportFixtures.both())).all("//g[contains(@class,'lane-other')]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema\":\"natprobe.classify/1\"}",
        "{\"schema\":\"natprobe.classify/1\",\"servers\":7,\"localAddress\":[1],\"mappedAddress\":{\"a\":1},\"mapping\":5,"
                + "\"filtering\":null,\"hairpinning\":\"yes\",\"portDelta\":\"x\",\"bindingLifetime\":\"long\","
                + "\"evidence\":[],\"transactions\":{\"label\":1},\"warnings\":\"one\"}",
        "{\"schema\":\"natprobe.classify/1\",\"transactions\":[{\"local\":\"nonsense\",\"to\":\"999.1.1.1:3478\","
                + "\"mappedAddress\":\"example.com:80\"}],\"servers\":[{\"address\":\"[::1]:3478\"}],\"bindingLifetime\":"
                + "{\"singleExchange\":{\"lowerBound\":\"soon\"},\"sustained\":[]}}",
    })
    void oddlyShapedClassificationsNeverThrow(String c) throws Exception {
        ReportInputs in = ReportInputs.builder().classification(Side.A, json(c)).events(Side.A, ReportFixtures.logA()).build();
        assertThatCode(() -> new HtmlDoc(SupportReport.html(in))).doesNotThrowAnyException();
        assertThatCode(() -> SupportReport.text(in)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema\":\"natprobe.punch/1\"}",
        "{\"schema\":\"natprobe.punch/1\",\"self\":7,\"peer\":\"198.51.100.20:1\",\"result\":true,\"directions\":{},\"diagnosis\":[1]}",
        "{\"schema\":\"natprobe.punch/1\",\"self\":{\"role\":[\"A\"],\"local\":{\"x\":1}},\"directions\":[1,\"x\",{\"from\":{}}]}",
    })
    void oddlyShapedPunchResultsNeverThrow(String p) throws Exception {
        ReportInputs in = ReportInputs.builder().punch(Side.A, json(p)).build();
        assertThatCode(() -> new HtmlDoc(SupportReport.html(in))).doesNotThrowAnyException();
        assertThat(SupportReport.verdict(in).tone()).isEqualTo(Verdict.Tone.UNKNOWN);
    }
}
