package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every behaviour the lab can make, on real Linux NATs: one lab (the demo's topology: every
 * mapping x filtering, hairpin on/off, all inbound and ICMP policies, loss, a CGNAT, 3 s/6 s
 * timeouts), self-checked once; each test looks at the checks of the routers it is about.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabBehaviourIT {

    private Lab lab;
    private final Map<String, RouterReport> reports = new LinkedHashMap<>();
    private final CommandRunner runner = new ProcessCommandRunner();

    @BeforeAll
    void buildAndCheck(@org.junit.jupiter.api.io.TempDir java.nio.file.Path stateDir) {
        LabRequirements.assumeLab();
        LabStateStore store = new LabStateStore(stateDir);
        lab = Lab.up(LabDemo.topology(), LabState.OWNER_PROCESS, runner, store);
        for (RouterReport r : LabSelfCheck.run(lab)) {
            reports.put(r.router().name(), r);
            System.out.print(r.details());
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
        return LabDemo.topology().routers().stream().map(RouterSpec::name).toList();
    }

    @ParameterizedTest
    @MethodSource("routers")
    void everyRouterBehavesAsConfigured(String router) {
        RouterReport r = reports.get(router);
        assertThat(r.passed()).as(r.details()).isTrue();
    }

    private CheckResult check(String router, String check) {
        return reports.get(router).check(check);
    }

    private void assertMeasured(String router, String check, String measuredPrefix) {
        CheckResult c = check(router, check);
        assertThat(c.outcome()).as(reports.get(router).details()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(c.measured()).as(reports.get(router).details()).startsWith(measuredPrefix);
    }

    @Test
    void mappings() {
        assertMeasured("eimapdf", "mapping", "EIM [");
        assertMeasured("npapdf", "mapping", "EIM(no port preservation) [");
        assertMeasured("admapdf", "mapping", "ADM [");
        assertMeasured("apdmapdf", "mapping", "APDM [");
    }

    @Test
    void filterings() {
        for (String m : List.of("eim", "np", "adm", "apdm")) {
            assertMeasured(m + "eif", "filter", "EIF");
            assertMeasured(m + "adf", "filter", "ADF");
            assertMeasured(m + "apdf", "filter", "APDF");
        }
    }

    @Test
    void hairpinOnAndOff() {
        // On: the packet arrives, from the router's public address (RFC 4787 REQ-9), not the LAN.
        assertMeasured("eimapdf", "hairpin", "on (arrived from 203.0.113.");
        assertMeasured("admeif", "hairpin", "on (arrived from 203.0.113.");
        assertMeasured("eimadf", "hairpin", "off");
        assertMeasured("apdmapdf", "hairpin", "off");
    }

    @Test
    void inboundPolicies() {
        // kernel: the router's own stack confirms an entry, and a port-preserving NAT then has to
        // give the host a different port for that server (the punching killer of NAT-FACTS.md).
        assertMeasured("eimapdf", "inbound", "kernel (conntrack entry, ICMP, port ");
        assertThat(check("eimapdf", "inbound").measured()).contains("taken: host got");
        assertMeasured("admapdf", "inbound", "drop");
        assertMeasured("npapdf", "inbound", "reject");
        assertThat(check("cgnat", "inbound").outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
    }

    @Test
    void icmpPolicies() {
        assertMeasured("eimadf", "icmp", "forward");
        assertMeasured("eimeif", "icmp", "block");
        // With icmp=block the router's own stack sends no port-unreachable either.
        assertMeasured("eimeif", "inbound", "kernel (conntrack entry, port");
        assertMeasured("admeif", "inbound", "kernel (conntrack entry, ICMP)");
    }

    @Test
    void loss() {
        assertMeasured("npadf", "loss", "");
        assertThat(check("npadf", "loss").measured()).doesNotStartWith("0%");
        assertMeasured("eimadf", "loss", "0% (300/300 arrived)");
    }

    @Test
    void bindingsExpireAfterTheirTimeouts() {
        for (String r : routers()) {
            assertThat(check(r, "timeout").measured()).as(r).isEqualTo("present at 1.5 s, gone at 4.5 s");
            assertThat(check(r, "stream").measured()).as(r).isEqualTo("present at 4.5 s, gone at 7.5 s");
        }
    }

    @Test
    void carrierGradeNat() {
        RouterPlan cgnat = lab.plan().router("cgnat");
        assertThat(cgnat.wanAddress()).startsWith("100.64.");
        // The server sees the carrier's public address, not the router's 100.64 one.
        assertMeasured("cgnat", "mapping", "EIM [local");
        assertThat(check("cgnat", "mapping").measured()).contains("-> " + cgnat.publicAddress() + " ");
        assertMeasured("cgnat", "filter", "APDF");
    }

    @Test
    void theRootNamespaceHasNoInterfaceOfTheLab() {
        CommandResult links = runner.check(Command.of("listing root links", "ip", "-o", "link"));
        assertThat(links.stdout()).doesNotContain(LabPlan.PREFIX + lab.plan().id());
    }
}
