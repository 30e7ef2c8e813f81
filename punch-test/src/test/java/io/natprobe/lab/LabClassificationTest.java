package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What classify must report behind a lab router, and how a report is compared with it (no lab needed). */
class LabClassificationTest {

    static final LabPlan PLAN = LabPlan.create(NatSpecParser.topology(
            List.of("home=eim,apdf,hairpin", "office=adm,adf", "cg=eim,eif,hairpin"), List.of("cg=apdm,adf")));

    static LabClassification.Run run(String router, String json, int exit) throws Exception {
        RouterPlan r = PLAN.router(router);
        JsonNode node = json == null ? null : new ObjectMapper().readTree(json);
        return new LabClassification.Run(r.hosts().get(0), r, List.of("classify"), exit, json == null ? "oops" : json, "",
                node, Duration.ofMillis(900));
    }

    static String json(String mapping, String filtering, boolean hairpin, boolean preservation, String allocation,
                       boolean cgnat) {
        return "{\"mapping\":\"" + mapping + "\",\"filtering\":\"" + filtering + "\",\"hairpinning\":" + hairpin
                + ",\"portPreservation\":" + preservation + ",\"portAllocation\":\"" + allocation
                + "\",\"portDelta\":null,\"cgnatSuspected\":" + cgnat + ",\"doubleNatSuspected\":false}";
    }

    @Test
    void aPlainRouterIsExpectedAsConfigured() {
        LabClassification.Expected e = LabClassification.Expected.of(PLAN.router("home").spec());
        assertThat(e).isEqualTo(new LabClassification.Expected(MappingBehavior.ENDPOINT_INDEPENDENT,
                FilteringBehavior.ADDRESS_AND_PORT_DEPENDENT, true, true, false));
        assertThat(e.cell()).isEqualTo("EIM+APDF hairpin=true ports preserving");
    }

    @Test
    void behindACarrierTheStricterBehaviourAndTheCarriersHairpinCount() {
        LabClassification.Expected e = LabClassification.Expected.of(PLAN.router("cg").spec());
        assertThat(e.mapping()).isEqualTo(MappingBehavior.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(e.filtering()).isEqualTo(FilteringBehavior.ADDRESS_DEPENDENT);
        assertThat(e.hairpin()).as("the carrier does not hairpin").isFalse();
        assertThat(e.portPreservation()).isFalse();
        assertThat(e.cgnat()).isTrue();
    }

    @Test
    void aMatchingReportHasNoMismatches() throws Exception {
        LabClassification.Expected e = LabClassification.Expected.of(PLAN.router("home").spec());
        LabClassification.Run r = run("home", json("endpoint-independent", "address-and-port-dependent", true, true,
                "preserving", false), 0);
        assertThat(LabClassification.mismatches(e, r)).isEmpty();
        assertThat(r.cell()).isEqualTo("EIM+APDF hairpin=true ports preserving");
    }

    @Test
    void everyDifferenceIsNamed() throws Exception {
        LabClassification.Expected e = LabClassification.Expected.of(PLAN.router("office").spec());
        LabClassification.Run r = run("office", json("address-and-port-dependent", "address-dependent", true, false,
                "random", true), 1);
        assertThat(LabClassification.mismatches(e, r)).containsExactly(
                "mapping: expected address-dependent, got address-and-port-dependent",
                "hairpinning: expected false, got true",
                "cgnatSuspected: expected false, got true",
                "exit code 1 (expected 0)");
    }

    @Test
    void noJsonIsAMismatchNotACrash() throws Exception {
        LabClassification.Expected e = LabClassification.Expected.of(PLAN.router("home").spec());
        LabClassification.Run r = run("home", null, 2);
        assertThat(LabClassification.mismatches(e, r)).containsExactly("classify printed no JSON (exit 2)");
        assertThat(r.cell()).isEqualTo("no JSON (exit 2)");
    }
}
