package io.natprobe.report.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.log.EventType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A real `natprobe punch` in the lab (punch branch, 2026-11-25): home router eim,apdf,inbound=drop (A),
 * office router eim,apdf,inbound=reject (B); both sides' --log files (each holds both sides' events),
 * A's --json and both classifications. A's opening punches were refused by B's router (ICMP), then
 * the stepwise procedure connected in both directions.
 */
class PunchCaptureReportTest {
    static final Path DIR = Path.of("src/test/resources/report/punch-home-eim-apdf-drop_office-eim-apdf-reject");

    private static ReportInputs inputs() throws Exception {
        List<InputFile> files = new ArrayList<>();
        for (String f : List.of("a.json", "b.json", "punch-a.json", "a.jsonl", "b.jsonl")) {
            files.add(InputReader.read(DIR.resolve(f)));
        }
        return InputAssembler.assemble(files, Map.of());
    }

    @Test
    void eachEventOnceThoughBothLogsHoldBothSides() throws Exception {
        ReportInputs in = inputs();
        assertThat(in.logs().get(Side.A)).hasSize(151);
        assertThat(in.logs().get(Side.B)).hasSize(148);
        // 103 of A's own events + 66 of B's: the 130 copies each log holds of the other side are dropped
        List<SidedEvent> events = in.allEvents();
        assertThat(events).hasSize(169);
        assertThat(events).allMatch(e -> e.event().origin() == io.natprobe.log.Origin.SELF);
    }

    @Test
    void theLadderShowsTheRefusedOpeningPunchesAndTheConnection() throws Exception {
        ReportInputs in = inputs();
        HtmlDoc d = new HtmlDoc(SupportReport.html(in));
        Set<Integer> drawn = new HashSet<>();
        for (Element g : d.all("//g[contains(concat(' ', @class, ' '), ' arrow ')]")) {
            for (String id : g.getAttribute("data-events").split(" ")) {
                assertThat(drawn.add(Integer.parseInt(id))).as("event %s in two arrows", id).isTrue();
            }
        }
        for (SidedEvent e : in.allEvents()) {
            boolean arrow = e.event().type().isPacket() || e.event().type() == EventType.ICMP_ERROR;
            assertThat(drawn.contains(e.id())).as(e.toString()).isEqualTo(arrow);
        }
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' lost ')]"))
                .extracting(g -> g.getElementsByTagName("text").item(0).getTextContent())
                .containsExactly("punch #1 from A (open) (lost)", "punch #2 from A (open) (lost)", "punch #3 from A (open) (lost)");
        double natB = Double.parseDouble(d.text("//g[contains(@class,'lane-nat-b')]/line/@x1"));
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' icmp ')]/line")).hasSize(3)
                .allSatisfy(l -> assertThat(Double.parseDouble(l.getAttribute("x1"))).isEqualTo(natB));
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' delivered ') and contains(@class, 'kind-punch')]"))
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(d.text("//section[@id='verdict']/p[@class='headline']"))
                .startsWith("Direct connection works").contains("Connected direct (A first, stepwise, 344 ms).");
        // the punch socket is bound to the wildcard address; the lane shows the real one the peer reported
        assertThat(d.text("//g[contains(@class,'lane-host-b')]")).contains("10.0.2.2:44355").doesNotContain("[::]");
        assertThat(d.text("//g[contains(@class,'lane-host-a')]")).contains("10.0.1.2:42027");
    }
}
