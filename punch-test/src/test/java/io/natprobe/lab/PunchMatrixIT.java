package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `natprobe punch` between real Linux NATs (docs/punch-matrix.md): punchable pairs connect, the
 * others fail with the right diagnosis, in both directions; port prediction (birthday) connects an
 * endpoint-independent NAT to an address-and-port-dependent one; the router-state pitfall is named
 * and its ICMP errors show in the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PunchMatrixIT {
    private Lab lab;
    private PunchMatrix matrix;
    private final CommandRunner runner = new ProcessCommandRunner();

    @BeforeAll
    void up() throws Exception {
        LabRequirements.assumeLab();
        String jar = System.getProperty("natprobe.jar", "target/natprobe.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        lab = Lab.up(PunchMatrix.topology(), LabState.OWNER_PROCESS, runner,
                new LabStateStore(Files.createTempDirectory("natprobe-punch-it")));
        matrix = new PunchMatrix(lab, List.of(java, "-jar", Path.of(jar).toAbsolutePath().toString()),
                Files.createTempDirectory("natprobe-punch-matrix"));
        matrix.startServer();
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    List<PunchMatrix.Case> cases() {
        return PunchMatrix.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachPairAndDirectionEndsAsExpected(PunchMatrix.Case c) throws Exception {
        PunchMatrix.Outcome o = matrix.run(c, 3, List.of());
        String why = c.subject() + "\nA:\n" + o.firstLog() + "\nB:\n" + o.secondLog() + "\n"
                + lab.diagnostics(lab.plan().router(c.first())) + lab.diagnostics(lab.plan().router(c.second()));
        assertThat(o.first()).as(why).isNotNull();
        assertThat(o.second()).as(why).isNotNull();
        assertThat(o.first().path("schema").asText()).isEqualTo("natprobe.punch/1");
        assertThat(o.connected()).as(why).isEqualTo(c.connect());
        assertThat(o.second().path("result").asText()).as(why).isEqualTo(c.connect() ? "connected" : "failed");
        assertThat(o.diagnosis()).as(why).startsWith(c.diagnosis());
        JsonNode dir = o.first().path("directions").get(0);
        assertThat(dir.path("from").asText()).isEqualTo("A");
        assertThat(dir.path("strategy").asText()).isEqualTo(c.strategy());
        if (c.connect()) {
            assertThat(dir.path("timeToConnectMs").isNumber()).isTrue();
        }
    }

    @Test
    void theRouterStatePitfallShowsIcmpErrorsInTheLog() throws Exception {
        PunchMatrix.Case c = new PunchMatrix.Case("kernel1", "kernel2", "stepwise", false, "router-state-port-change");
        matrix.run(c, 2, List.of());
        List<String> lines = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            Path log = matrix.work().resolve("kernel1-kernel2-stepwise." + side + ".jsonl");
            lines.addAll(Files.readAllLines(log));
        }
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"icmp-error\""));
    }
}
