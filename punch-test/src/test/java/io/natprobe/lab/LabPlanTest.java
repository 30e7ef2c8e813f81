package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabPlanTest {

    static final LabPlan PLAN = new LabPlan("00ab12", NatSpecParser.topology(
            List.of("home=eim,apdf,hosts=2", "office=apdm,apdf"), List.of("office")));

    @Test
    void addressesFollowThePlan() {
        RouterPlan home = PLAN.router("home");
        assertThat(home.namespace()).isEqualTo("npl-00ab12-r-home");
        assertThat(home.wanAddress()).isEqualTo("203.0.113.10");
        assertThat(home.publicAddress()).isEqualTo("203.0.113.10");
        assertThat(home.wanGateway()).isEmpty();
        assertThat(home.lanPrefix()).isEqualTo("10.0.1.0/24");
        assertThat(home.hosts()).containsExactly(
                new HostPlan("home-1", "npl-00ab12-h-home-1", "10.0.1.2", "10.0.1.1", "home"),
                new HostPlan("home-2", "npl-00ab12-h-home-2", "10.0.1.3", "10.0.1.1", "home"));
        assertThat(home.remotes()).containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.11");
    }

    @Test
    void aRouterBehindACarrierGetsSharedAddressSpace() {
        RouterPlan office = PLAN.router("office");
        assertThat(office.wanAddress()).isEqualTo("100.64.2.2");
        assertThat(office.wanGateway()).isEqualTo(Optional.of("100.64.2.1"));
        assertThat(office.publicAddress()).isEqualTo("203.0.113.11");
        RouterPlan carrier = office.carrier().orElseThrow();
        assertThat(carrier.namespace()).isEqualTo("npl-00ab12-c-office");
        assertThat(carrier.wanAddress()).isEqualTo("203.0.113.11");
        assertThat(carrier.lanAddress()).isEqualTo("100.64.2.1");
        assertThat(carrier.lanPrefix()).isEqualTo("100.64.2.0/24");
        assertThat(carrier.hosts()).isEmpty();
    }

    @Test
    void namespacesAreAllOursAndUnique() {
        assertThat(PLAN.namespaces()).containsExactly("npl-00ab12-inet", "npl-00ab12-srv", "npl-00ab12-r-home",
                "npl-00ab12-h-home-1", "npl-00ab12-h-home-2", "npl-00ab12-c-office", "npl-00ab12-r-office",
                "npl-00ab12-h-office-1");
        assertThat(PLAN.namespaces()).allSatisfy(n -> assertThat(LabPlan.idOfNamespace(n)).contains("00ab12"));
    }

    @Test
    void recognisesOnlyItsOwnNamespaces() {
        assertThat(LabPlan.idOfNamespace("npl-abcdef-srv")).contains("abcdef");
        assertThat(LabPlan.idOfNamespace("npl-abcdeg-srv")).isEmpty();
        assertThat(LabPlan.idOfNamespace("npl-abcdef")).isEmpty();
        assertThat(LabPlan.idOfNamespace("tst-abcdef-srv")).isEmpty();
        assertThat(LabPlan.idOfNamespace("npl-abcdefx")).isEmpty();
    }

    @Test
    void execTargets() {
        assertThat(PLAN.namespaceOf("home-2")).contains("npl-00ab12-h-home-2");
        assertThat(PLAN.namespaceOf("home")).contains("npl-00ab12-r-home");
        assertThat(PLAN.namespaceOf("office-cgn")).contains("npl-00ab12-c-office");
        assertThat(PLAN.namespaceOf("server")).contains("npl-00ab12-srv");
        assertThat(PLAN.namespaceOf("internet")).contains("npl-00ab12-inet");
        assertThat(PLAN.namespaceOf("home-3")).isEmpty();
    }

    @Test
    void idsAreRandomAndChecked() {
        LabTopology t = NatSpecParser.topology(List.of("a=eim,eif"), List.of());
        assertThat(LabPlan.create(t).id()).matches("[0-9a-f]{6}");
        assertThatThrownBy(() -> new LabPlan("../etc", t)).hasMessage("lab id must be 6 hex digits, not '../etc'");
    }

    @Test
    void neverUsesTheRootNamespacesNetwork() {
        // The root namespace's eth0 sits in 192.0.2.0/24 (NAT-FACTS.md): no lab address may be there.
        List<String> all = new java.util.ArrayList<>(List.of(LabPlan.SERVER_PRIMARY, LabPlan.SERVER_ALTERNATE));
        for (RouterPlan r : PLAN.routers()) {
            all.addAll(List.of(r.wanAddress(), r.lanAddress(), r.publicAddress()));
            r.hosts().forEach(h -> all.add(h.address()));
        }
        assertThat(all).noneMatch(a -> a.startsWith("192.0.2."));
    }
}
