package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabDemoTest {

    @Test
    void theDemoHasOneRouterOfEveryBehaviour() {
        LabTopology t = LabDemo.topology();
        Set<String> combos = new HashSet<>();
        Set<InboundPolicy> inbound = EnumSet.noneOf(InboundPolicy.class);
        Set<IcmpPolicy> icmp = EnumSet.noneOf(IcmpPolicy.class);
        Set<Boolean> hairpin = new HashSet<>();
        for (RouterSpec r : t.routers()) {
            combos.add(r.mapping() + "/" + r.preservePort() + "/" + r.filtering());
            inbound.add(r.inbound());
            icmp.add(r.icmp());
            hairpin.add(r.hairpin());
            assertThat(r.udpTimeout()).isLessThanOrEqualTo(RouterSelfCheck.MAX_WAITED_TIMEOUT);
            assertThat(r.streamTimeout()).isLessThanOrEqualTo(RouterSelfCheck.MAX_WAITED_TIMEOUT);
        }
        // 4 mappings (EIM with and without port preservation, ADM, APDM) x 3 filterings
        assertThat(combos).hasSize(12);
        assertThat(inbound).containsExactlyInAnyOrder(InboundPolicy.values());
        assertThat(icmp).containsExactlyInAnyOrder(IcmpPolicy.values());
        assertThat(hairpin).containsExactlyInAnyOrder(true, false);
        assertThat(t.routers()).anyMatch(r -> r.lossPercent() > 0);
        assertThat(t.routers()).anyMatch(r -> r.carrier().isPresent());
    }

    @Test
    void tableIsAligned() {
        String table = LabDemo.table(List.of(
                new DemoRow("home", "EIM+APDF", "mapping=EIM", true, Duration.ofMillis(1500), ""),
                new DemoRow("symmetric", "APDM+APDF", "!mapping=EIM", false, Duration.ofMillis(12_000), "x")));
        assertThat(table).isEqualTo(
                "router     configured  measured      verdict     time\n"
              + "home       EIM+APDF    mapping=EIM   match      1.5 s\n"
              + "symmetric  APDM+APDF   !mapping=EIM  MISMATCH  12.0 s\n");
    }

    @Test
    void expectationsComposeThroughACarrier() {
        RouterSpec inner = NatSpecParser.parse("a=eim,eif,timeout=5,loss=10%");
        RouterSpec withCarrier = inner.withCarrier(NatSpecParser.parseOptions("a", "apdm,adf,timeout=3,loss=10%"));
        Expectation e = Expectation.of(withCarrier);
        assertThat(e.mapping()).isEqualTo(MappingBehavior.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(e.filtering()).isEqualTo(FilteringBehavior.ADDRESS_DEPENDENT);
        assertThat(e.udpTimeout()).isEqualTo(3);
        assertThat(e.lossPercent()).isEqualTo(19);
        assertThat(Expectation.of(inner).mappingLabel()).isEqualTo("EIM");
    }
}
