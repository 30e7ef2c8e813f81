package io.natprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natprobe.classify.NatReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text and JSON renderers pinned by golden files (src/test/resources/golden). To accept an intended
 * change, run with -Dnatprobe.updateGolden=true and review the diff.
 */
class RenderGoldenTest {

    static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("natprobe.updateGolden")) {
            Path p = Path.of("src/test/resources/golden", name);
            Files.writeString(p, actual);
            return actual;
        }
        try (InputStream in = RenderGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new AssertionError("missing golden file " + name + " (run with -Dnatprobe.updateGolden=true)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void classifyText() throws IOException {
        String text = ReportText.classify(Samples.portRestricted(null), null);
        assertThat(text).isEqualTo(golden("classify-port-restricted.txt", text));
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Verdict: ");
    }

    @Test
    void classifyTextWithLifetimeAndRepeat() throws IOException {
        String text = ReportText.classify(Samples.portRestricted(Samples.linuxDefaults()),
                new ReportJson.Repeat(3, 2, List.of("a", "a", "b")));
        assertThat(text).isEqualTo(golden("classify-port-restricted-lifetime.txt", text));
        assertThat(text).contains("NOT met").contains("every 23 s").contains("2 of 3 runs agree");
    }

    @Test
    void classifyJson() throws IOException {
        String json = ReportJson.write(ReportJson.classify(Samples.portRestricted(Samples.linuxDefaults()), null));
        assertThat(json).isEqualTo(golden("classify-port-restricted.json", json));
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("schema").asText()).isEqualTo("natprobe.classify/1");
        for (String field : List.of("servers", "localAddress", "mappedAddress", "mapping", "filtering", "hairpinning",
                "portPreservation", "portAllocation", "classicType", "bindingLifetime", "warnings", "durationMs", "transactions")) {
            assertThat(n.has(field)).as(field).isTrue();
        }
        assertThat(n.get("mapping").asText()).isEqualTo("endpoint-independent");
        assertThat(n.get("filtering").asText()).isEqualTo("address-and-port-dependent");
        assertThat(n.get("classicType").asText()).isEqualTo("port-restricted-cone");
        assertThat(n.at("/bindingLifetime/singleExchange/seconds").asInt()).isEqualTo(30);
        assertThat(n.at("/bindingLifetime/sustained/lowerBound").asInt()).isEqualTo(119);
        assertThat(n.at("/bindingLifetime/meetsRfc4787").asBoolean()).isFalse();
        assertThat(n.at("/transactions/0/label").asText()).isEqualTo("mapping-I");
    }

    @Test
    void notTestedIsNullInJson() throws IOException {
        NatReport r = Samples.portRestricted(null);
        r = new NatReport(r.servers(), null, null, io.natprobe.classify.MappingBehaviour.UNKNOWN,
                io.natprobe.classify.FilteringBehaviour.UNKNOWN, null, null, io.natprobe.classify.PortAllocation.NOT_TESTED,
                null, io.natprobe.classify.ClassicType.UNKNOWN, false, false, null, List.of(), java.util.Map.of(), 5, List.of(), 0);
        JsonNode n = new ObjectMapper().readTree(ReportJson.write(ReportJson.classify(r, null)));
        assertThat(n.get("hairpinning").isNull()).isTrue();
        assertThat(n.get("bindingLifetime").isNull()).isTrue();
        assertThat(n.get("mappedAddress").isNull()).isTrue();
        assertThat(n.get("portAllocation").asText()).isEqualTo("not-tested");
        assertThat(n.at("/evidence/mapping").isNull()).isTrue();
    }

    @Test
    void lifetimeTextAndJson() throws IOException {
        String text = ReportText.lifetime("203.0.113.1:3478", Samples.linuxDefaults());
        assertThat(text).isEqualTo(golden("lifetime-linux-defaults.txt", text));
        String json = ReportJson.write(ReportJson.lifetime("203.0.113.1:3478", Samples.linuxDefaults()));
        assertThat(json).isEqualTo(golden("lifetime-linux-defaults.json", json));
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("schema").asText()).isEqualTo("natprobe.lifetime/1");
        assertThat(n.get("keepaliveSeconds").asInt()).isEqualTo(23);
    }
}
