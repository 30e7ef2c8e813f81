package io.natprobe.report.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which side a file belongs to: --side, a punch result's own role, a log's addresses, then order. */
class InputAssemblerTest {

    private static InputFile classification(String name, String local) throws Exception {
        return new InputFile(name, InputKind.CLASSIFICATION,
                ReportFixtures.classification(local, "198.51.100.9:1", "none", "none"), null);
    }

    private static InputFile log(String name, List<io.natprobe.log.PacketEvent> events) {
        return new InputFile(name, InputKind.PACKET_LOG, null, events);
    }

    @Test
    void theFirstOfAKindIsAAndTheSecondB() throws Exception {
        ReportInputs in = InputAssembler.assemble(List.of(classification("c1", "10.9.9.1:1"), classification("c2", "10.9.9.2:1")), Map.of());
        assertThat(Json.text(in.classifications().get(Side.A), "localAddress")).isEqualTo("10.9.9.1:1");
        assertThat(Json.text(in.classifications().get(Side.B), "localAddress")).isEqualTo("10.9.9.2:1");
        assertThat(in.sources()).containsExactly("c1: classification of side A", "c2: classification of side B");
    }

    @Test
    void sideOptionWins() throws Exception {
        ReportInputs in = InputAssembler.assemble(List.of(classification("c1", "10.9.9.1:1"), classification("c2", "10.9.9.2:1")),
                Map.of("c1", Side.B));
        assertThat(Json.text(in.classifications().get(Side.B), "localAddress")).isEqualTo("10.9.9.1:1");
        assertThat(Json.text(in.classifications().get(Side.A), "localAddress")).isEqualTo("10.9.9.2:1");
    }

    @Test
    void aLogGoesToTheSideWhoseClassificationHasItsAddress() throws Exception {
        ReportInputs in = InputAssembler.assemble(List.of(classification("a.json", "10.0.1.10:40000"),
                classification("b.json", "10.0.2.20:50000"), log("b.jsonl", ReportFixtures.logB()),
                log("a.jsonl", ReportFixtures.logA())), Map.of());
        assertThat(in.logs().get(Side.A)).isEqualTo(ReportFixtures.logA());
        assertThat(in.logs().get(Side.B)).isEqualTo(ReportFixtures.logB());
    }

    @Test
    void aPunchResultThatStatesItsRoleGoesThere() throws Exception {
        JsonNode p = ReportFixtures.JSON.readTree("{\"schema\":\"natprobe.punch/1\",\"self\":{\"role\":\"B\"},\"result\":\"failed\"}");
        ReportInputs in = InputAssembler.assemble(List.of(new InputFile("p", InputKind.PUNCH, p, null)), Map.of());
        assertThat(in.punches()).containsOnlyKeys(Side.B);
    }

    @Test
    void threeOfAKindOrTwoForOneSideIsAUsageError() throws Exception {
        assertThatThrownBy(() -> InputAssembler.assemble(List.of(classification("c1", "10.9.9.1:1"),
                classification("c2", "10.9.9.2:1"), classification("c3", "10.9.9.3:1")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("more than two classification files (c3 is the third); a report covers two sides, A and B");
        assertThatThrownBy(() -> InputAssembler.assemble(List.of(classification("c1", "10.9.9.1:1"),
                classification("c2", "10.9.9.2:1")), Map.of("c1", Side.A, "c2", Side.A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("two classification files for side A: c1 and c2");
    }
}
