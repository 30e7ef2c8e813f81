package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code natprobe classify} process behind real Linux NATs: one lab with a router of every
 * behaviour the lab can make (every mapping x filtering, EIM with and without port preservation,
 * hairpinning on and off, a router behind a carrier-grade NAT), the real probe server on
 * 203.0.113.1 + .2, and classify run from a host behind every router (several at once). Each report
 * must equal what the router was built to do; on a mismatch the topology, the JSON, the ruleset and
 * the conntrack table are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassifyLabIT {

    /** Classifications at once: enough to keep the run short, few enough not to starve 2 cores. */
    private static final int PARALLEL = 5;

    static LabTopology topology() {
        List<String> nats = List.of(
                "eimeif=eim,eif,hairpin",
                "eimadf=eim,adf",
                "eimapdf=eim,apdf",
                "npeif=eim-np,eif",
                "npadf=eim-np,adf,hairpin",
                "npapdf=eim-np,apdf",
                "admeif=adm,eif",
                "admadf=adm,adf,hairpin",
                "admapdf=adm,apdf",
                "apdmeif=apdm,eif",
                "apdmadf=apdm,adf",
                "apdmapdf=apdm,apdf,hairpin",
                "cgnat=eim,adf");
        return NatSpecParser.topology(nats, List.of("cgnat"));
    }

    private Lab lab;
    private final Map<String, LabClassification.Run> runs = new LinkedHashMap<>();
    private LabClassification.Run onCgnatRouter;
    private final CommandRunner runner = new ProcessCommandRunner();

    @BeforeAll
    void buildAndClassify(@TempDir Path dir) throws Exception {
        LabRequirements.assumeLab();
        lab = Lab.up(topology(), LabState.OWNER_PROCESS, runner, new LabStateStore(dir.resolve("state")));
        System.out.println("lab " + lab.plan().id() + ":\n" + String.join("\n", lab.plan().topology().toLines()));
        LabClassification.startServer(lab, dir);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            Map<String, Future<LabClassification.Run>> pending = new LinkedHashMap<>();
            for (RouterPlan r : lab.plan().routers()) {
                pending.put(r.name(), pool.submit(() -> LabClassification.classify(lab, r.hosts().get(0))));
            }
            for (var e : pending.entrySet()) {
                runs.put(e.getKey(), e.getValue().get());
            }
            // natprobe run on the customer's own router, whose WAN address is in the carrier's 100.64.0.0/10.
            // Only after the host behind it is done: both draw ICMP from the carrier to the router's WAN
            // address, which Linux rate-limits per destination (about 1/s after a burst of 6), and the
            // host's path check needs one time-exceeded from that budget.
            RouterPlan cg = lab.plan().router("cgnat");
            HostPlan onRouter = new HostPlan(cg.name(), cg.namespace(), cg.wanAddress(), cg.wanGateway().orElse(""), cg.name());
            onCgnatRouter = LabClassification.classify(lab, onRouter);
        } finally {
            pool.shutdownNow();
        }
        for (LabClassification.Run run : runs.values()) {
            System.out.println(run.router().name() + ": " + run.cell() + " in " + run.took().toMillis() + " ms (classify says "
                    + run.text("durationMs") + " ms)");
        }
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
            List<String> left = Namespaces.list(runner).stream()
                    .filter(n -> n.startsWith(LabPlan.PREFIX + lab.plan().id())).toList();
            assertThat(left).as("namespaces left after close").isEmpty();
        }
    }

    List<String> routers() {
        return topology().routers().stream().map(RouterSpec::name).toList();
    }

    private String diagnostics(LabClassification.Run run) {
        return LabClassification.diagnostics(lab, run);
    }

    @ParameterizedTest
    @MethodSource("routers")
    void classifyReportsWhatTheRouterWasBuiltToDo(String router) {
        LabClassification.Run run = runs.get(router);
        LabClassification.Expected expected = LabClassification.Expected.of(run.router().spec());
        List<String> mismatches = LabClassification.mismatches(expected, run);
        assertThat(mismatches).as("classify behind %s (expected %s)%n%s", router, expected.wire(), diagnostics(run)).isEmpty();
        assertThat(run.json().get("schema").asText()).isEqualTo("natprobe.classify/1");
        assertThat(run.text("localAddress")).startsWith(run.host().address() + ":");
        assertThat(run.text("mappedAddress")).as(diagnostics(run)).startsWith(run.router().publicAddress() + ":");
    }

    @Test
    void theExpectationsCoverEveryBehaviourOfTheLab() {
        // Guards the topology above: it must keep covering what the lab can make.
        List<LabClassification.Expected> all = routers().stream()
                .map(r -> LabClassification.Expected.of(lab.plan().router(r).spec())).toList();
        for (MappingBehavior m : MappingBehavior.values()) {
            for (FilteringBehavior f : FilteringBehavior.values()) {
                assertThat(all).as("%s x %s", m, f).anyMatch(e -> e.mapping() == m && e.filtering() == f);
            }
        }
        assertThat(all).anyMatch(e -> e.hairpin()).anyMatch(e -> !e.hairpin());
        assertThat(all).anyMatch(e -> e.mapping() == MappingBehavior.ENDPOINT_INDEPENDENT && e.portPreservation())
                .anyMatch(e -> e.mapping() == MappingBehavior.ENDPOINT_INDEPENDENT && !e.portPreservation());
        assertThat(all).anyMatch(LabClassification.Expected::cgnat);
    }

    @Test
    void portPreservingRoutersKeepTheLocalPort() {
        for (String r : List.of("eimeif", "eimadf", "eimapdf", "cgnat")) {
            LabClassification.Run run = runs.get(r);
            String local = run.text("localAddress");
            String mapped = run.text("mappedAddress");
            assertThat(mapped.substring(mapped.lastIndexOf(':'))).as(diagnostics(run))
                    .isEqualTo(local.substring(local.lastIndexOf(':')));
        }
        // EIM without port preservation (snat sport ^ 0x2000): same public port everywhere, never the local one.
        LabClassification.Run np = runs.get("npapdf");
        assertThat(np.text("portAllocation")).as(diagnostics(np)).isNotEqualTo("preserving");
    }

    @Test
    void carrierGradeNatIsHintedOnTheCustomersRouter() {
        LabClassification.Run run = onCgnatRouter;
        RouterPlan cg = lab.plan().router("cgnat");
        assertThat(run.text("localAddress")).as(diagnostics(run)).startsWith(cg.wanAddress() + ":");
        assertThat(cg.wanAddress()).startsWith("100.64.");
        assertThat(run.json().get("cgnatSuspected").asBoolean()).as(diagnostics(run)).isTrue();
        assertThat(run.json().get("warnings").toString()).contains("100.64.0.0/10");
        // The carrier's own behaviour (default: EIM + EIF), seen from the router itself.
        assertThat(run.text("mapping")).as(diagnostics(run)).isEqualTo("endpoint-independent");
        assertThat(run.text("filtering")).as(diagnostics(run)).isEqualTo("endpoint-independent");
    }

    @Test
    void behindTheCarrierTheHostIsToldOfTheCarriersNat() {
        LabClassification.Run run = runs.get("cgnat");
        RouterPlan cg = lab.plan().router("cgnat");
        assertThat(cg.publicAddress()).isNotEqualTo(cg.wanAddress());
        assertThat(run.text("mappedAddress")).as(diagnostics(run)).startsWith(cg.publicAddress() + ":");
        // Neither the host's address nor the mapped one shows it: the carrier's router on the path does
        // (its ICMP time-exceeded comes from its LAN side, 100.64.x.1).
        assertThat(run.json().get("cgnatSuspected").asBoolean()).as(diagnostics(run)).isTrue();
        assertThat(run.json().get("warnings").toString()).as(diagnostics(run)).contains("2 hops away").contains("100.64.");
    }

    @Test
    void noOtherHostIsToldOfACarrierOrDoubleNat() {
        for (LabClassification.Run run : runs.values()) {
            if (run.router().carrier().isPresent()) continue;
            assertThat(run.json().get("cgnatSuspected").asBoolean()).as(diagnostics(run)).isFalse();
            assertThat(run.json().get("doubleNatSuspected").asBoolean()).as(diagnostics(run)).isFalse();
        }
    }

    @Test
    void everyRunAgreesWithItsServer() {
        List<String> problems = new ArrayList<>();
        for (LabClassification.Run run : runs.values()) {
            if (!run.json().get("servers").get(0).get("support").asText().equals("rfc5780")) {
                problems.add(run.router().name() + ": " + run.json().get("servers"));
            }
            boolean carrierHint = run.router().carrier().isPresent();
            if (run.json().get("warnings").size() != (carrierHint ? 1 : 0)) {
                problems.add(run.router().name() + ": " + run.json().get("warnings"));
            }
        }
        assertThat(problems).isEmpty();
    }
}
