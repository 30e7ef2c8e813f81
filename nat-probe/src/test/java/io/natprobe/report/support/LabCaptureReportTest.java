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
 * A real capture from the lab (bench/report-example.sh): home router eim,apdf,inbound=drop (A) and office
 * router eim,apdf,inbound=reject (B). A's two early punches were refused by B's router with ICMP port
 * unreachable; after A asked, B's three punches arrived and A's acks came back; keepalives after a pause.
 */
class LabCaptureReportTest {
    static final Path DIR = Path.of("src/test/resources/report/lab-home-eim-apdf-drop_office-eim-apdf-reject");

    private static ReportInputs inputs() throws Exception {
        List<InputFile> files = new ArrayList<>();
        for (String f : List.of("a.json", "b.json", "b.jsonl", "a.jsonl")) {
            files.add(InputReader.read(DIR.resolve(f)));
        }
        return InputAssembler.assemble(files, Map.of());
    }

    @Test
    void theLadderShowsTheRefusedPunchesTheirIcmpAndTheWayThrough() throws Exception {
        ReportInputs in = inputs();
        assertThat(in.logs().get(Side.A)).hasSize(20); // matched to A by its local address, though given last
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
        double natB = Double.parseDouble(d.text("//g[contains(@class,'lane-nat-b')]/line/@x1"));
        List<Element> lost = d.all("//g[contains(concat(' ', @class, ' '), ' lost ')]");
        assertThat(lost).extracting(g -> g.getElementsByTagName("text").item(0).getTextContent())
                .containsExactly("punch A#1 (lost)", "punch A#2 (lost)");
        List<Element> icmp = d.all("//g[contains(concat(' ', @class, ' '), ' icmp ')]/line");
        assertThat(icmp).hasSize(2).allSatisfy(l -> assertThat(Double.parseDouble(l.getAttribute("x1"))).isEqualTo(natB));
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' delivered ') and contains(@class, 'kind-punch')]")).hasSize(6);
        assertThat(d.all("//g[contains(concat(' ', @class, ' '), ' delivered ') and contains(@class, 'kind-keepalive')]")).hasSize(2);
        assertThat(d.text("//section[@id='verdict']/p[@class='headline']"))
                .isEqualTo("Direct connection works: packets got through in both directions.");
        assertThat(d.text("//g[contains(@class,'lane-nat-a')]")).contains("203.0.113.10:45457");
        assertThat(d.text("//g[contains(@class,'lane-host-b')]")).contains("10.0.2.2:37847");
        assertThat(d.all("//g[@class='gap']")).hasSize(1);
    }
}
