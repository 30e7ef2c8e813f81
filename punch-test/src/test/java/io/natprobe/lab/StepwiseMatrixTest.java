package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stepwise rules in code agree with docs/punch-matrix.md's table (no lab needed). */
class StepwiseMatrixTest {

    @Test
    void theRulesAndTheDocumentedTableAgreeOnEveryOrderedPair() throws Exception {
        var doc = StepwiseMatrix.fromDoc(StepwiseMatrix.doc());
        assertThat(doc).hasSize(144);
        assertThat(doc).containsExactlyInAnyOrderEntriesOf(StepwiseMatrix.computed());
    }

    @Test
    void directionMattersForEndpointDependentMappingFirst() {
        var eimAdf = new StepwiseMatrix.Behaviour("eim", "adf");
        var apdmApdf = new StepwiseMatrix.Behaviour("apdm", "apdf");
        assertThat(StepwiseMatrix.expected(eimAdf, apdmApdf).connect()).isTrue();
        assertThat(StepwiseMatrix.expected(apdmApdf, eimAdf))
                .isEqualTo(new StepwiseMatrix.Expected(false, "endpoint-dependent-mapping"));
        assertThat(StepwiseMatrix.expected(apdmApdf, new StepwiseMatrix.Behaviour("adm", "adf")))
                .isEqualTo(new StepwiseMatrix.Expected(false, "both-endpoint-dependent"));
    }

    @Test
    void aChangedCellInTheDocIsNoticed(@TempDir Path dir) throws Exception {
        String text = Files.readString(StepwiseMatrix.doc());
        int at = text.indexOf("| **adm/adf** | ok | x |", text.indexOf("## Stepwise"));
        Path edited = dir.resolve("punch-matrix.md");
        Files.writeString(edited, text.substring(0, at) + "| **adm/adf** | ok | ok |"
                + text.substring(at + "| **adm/adf** | ok | x |".length()));
        assertThat(StepwiseMatrix.fromDoc(edited)).isNotEqualTo(StepwiseMatrix.computed());
        Files.writeString(edited, text.replace("| **adm/adf** | ok | x |", "| **adm/adf** | ok | maybe |"));
        assertThatThrownBy(() -> StepwiseMatrix.fromDoc(edited)).hasMessageContaining("unknown cell 'maybe'");
    }
}
