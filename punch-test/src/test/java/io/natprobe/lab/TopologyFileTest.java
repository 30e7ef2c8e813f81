package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TopologyFileTest {

    @Test
    void readsNatAndCgnatLinesWithComments() {
        LabTopology t = TopologyFile.parse(List.of(
                "# two routers",
                "nat home=eim,apdf,hairpin   # a home router",
                "",
                "nat office=apdm,apdf",
                "cgnat office=eim,adf"), "test");
        assertThat(t.routers()).extracting(RouterSpec::name).containsExactly("home", "office");
        assertThat(t.router("home").hairpin()).isTrue();
        assertThat(t.router("office").carrier().orElseThrow().filtering()).isEqualTo(FilteringBehavior.ADDRESS_DEPENDENT);
    }

    @Test
    void linesRoundTrip() {
        LabTopology t = LabDemo.topology();
        assertThat(TopologyFile.parse(t.toLines(), "x")).isEqualTo(t);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> TopologyFile.parse(List.of("nat a=eim,apdf", "router b=eim,apdf"), "lab.txt"))
                .hasMessage("lab.txt:2: unknown keyword 'router' (expected: nat or cgnat)");
        assertThatThrownBy(() -> TopologyFile.parse(List.of("# x", "nat a=eim,xyz"), "lab.txt"))
                .hasMessage("lab.txt:2: router a: unknown filtering 'xyz' (expected: eif, adf or apdf)");
        assertThatThrownBy(() -> TopologyFile.parse(List.of("nat"), "lab.txt"))
                .hasMessage("lab.txt:1: 'nat' is not 'nat NAME=...' or 'cgnat NAME'");
        assertThatThrownBy(() -> TopologyFile.parse(List.of("cgnat z"), "lab.txt"))
                .hasMessageStartingWith("lab.txt: --cgnat z: no router named 'z'");
    }

    @Test
    void samplesParse() throws IOException {
        Path dir = Path.of(System.getProperty("natprobe.repo", "..")).resolve("samples/lab");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> samples = files.filter(p -> p.toString().endsWith(".lab")).toList();
            assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
            for (Path p : samples) {
                assertThat(TopologyFile.read(p).routers()).as(p.toString()).isNotEmpty();
            }
        }
    }
}
