package io.natprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.classify.NatReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Plural.of(0, "transaction")).isEqualTo("0 transactions");
        assertThat(Plural.of(1, "transaction")).isEqualTo("1 transaction");
        assertThat(Plural.of(2, "transaction")).isEqualTo("2 transactions");
        assertThat(Plural.of(1, "binding", "bindings")).isEqualTo("1 binding");
    }

    @Test
    void aReportWithOneTransactionSaysSo() {
        NatReport base = Samples.portRestricted(null);
        NatReport one = base.with(base.transactions().subList(0, 1), 1, null);
        String text = ReportText.classify(one, null);
        assertThat(text).contains(", 1 transaction, 1 stray datagram ignored").doesNotContain("1 transactions");
        assertThat(ReportText.classify(one, new ReportJson.Repeat(2, 1, List.of("a", "b"))))
                .contains("Repeated 2 times: 1 of 2 runs agrees");
    }
}
