package io.natprobe.report.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.log.PacketLineFormat;
import org.junit.jupiter.api.Test;

/** The plain-text report for a ticket: verdict, behaviours, lifetimes, ASCII ladder, every event. */
class TextReportTest {

    @Test
    void holdsVerdictBehavioursLifetimesLadderAndEveryEvent() throws Exception {
        ReportInputs in = ReportFixtures.both();
        String t = SupportReport.text(in);
        assertThat(t).startsWith("natprobe support report\n\nVerdict: Direct connection works: packets got through in both directions.\n");
        assertThat(t).contains("  - A to B: 2 packets arrived, 3 lost\n", "  - B to A: 1 packet arrived, 0 lost\n",
                "  - 1 ICMP error reported");
        assertThat(t).contains("\nSide A\n", "\nSide B\n",
                "  filtering                      address-and-port-dependent - only the exact address and port",
                "  idle binding, one exchange     about 30 s (alive after 28 s idle, gone after 30 s)",
                "  keepalive                      send something on every open binding at least every 22 s");
        // the ASCII ladder: lost punches end with an X at NAT B's column, the ICMP error runs back from there
        String[] lines = t.split("\n");
        int natB = TextReport.TIME_WIDTH + 3 * TextReport.LANE_WIDTH + TextReport.LANE_WIDTH / 2;
        int lost = 0;
        for (String l : lines) {
            if (l.endsWith("- never received")) {
                lost++;
                assertThat(l.charAt(natB)).as(l).isEqualTo('X');
                assertThat(l.substring(0, natB)).contains("o----");
            }
            if (l.contains("ICMP error: port unreachable")) {
                assertThat(l.charAt(natB)).isEqualTo('o');
                assertThat(l).contains("|<~~~~");
            }
        }
        assertThat(lost).isEqualTo(3);
        assertThat(t).contains("punch #1 from B (arrived after 30 ms)", "* ", "timeout: no keepalive answer after 80 ms");
        for (SidedEvent e : in.allEvents()) {
            assertThat(t).contains(PacketLineFormat.format(e.event(), ReportFixtures.T0));
        }
    }
}
