package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NatSpecParserTest {

    @Test
    void parsesEveryOption() {
        RouterSpec r = NatSpecParser.parse("home=eim,apdf,hairpin,timeout=5,stream-timeout=9s,loss=20%,inbound=drop,icmp=block,hosts=3");
        assertThat(r.name()).isEqualTo("home");
        assertThat(r.mapping()).isEqualTo(MappingBehavior.ENDPOINT_INDEPENDENT);
        assertThat(r.preservePort()).isTrue();
        assertThat(r.filtering()).isEqualTo(FilteringBehavior.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(r.hairpin()).isTrue();
        assertThat(r.udpTimeout()).isEqualTo(5);
        assertThat(r.streamTimeout()).isEqualTo(9);
        assertThat(r.lossPercent()).isEqualTo(20);
        assertThat(r.inbound()).isEqualTo(InboundPolicy.DROP);
        assertThat(r.icmp()).isEqualTo(IcmpPolicy.BLOCK);
        assertThat(r.hosts()).isEqualTo(3);
        assertThat(r.carrier()).isEmpty();
    }

    @Test
    void defaultsAreLinuxDefaults() {
        RouterSpec r = NatSpecParser.parse("office=apdm,eif");
        assertThat(r.hairpin()).isFalse();
        assertThat(r.udpTimeout()).isEqualTo(30);
        assertThat(r.streamTimeout()).isEqualTo(120);
        assertThat(r.inbound()).isEqualTo(InboundPolicy.KERNEL);
        assertThat(r.icmp()).isEqualTo(IcmpPolicy.FORWARD);
        assertThat(r.lossPercent()).isZero();
        assertThat(r.hosts()).isEqualTo(1);
        assertThat(r.preservePort()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "eim, ENDPOINT_INDEPENDENT, true",
        "endpoint-independent, ENDPOINT_INDEPENDENT, true",
        "eim-np, ENDPOINT_INDEPENDENT, false",
        "endpoint-independent-no-port-preservation, ENDPOINT_INDEPENDENT, false",
        "adm, ADDRESS_DEPENDENT, false",
        "address-dependent, ADDRESS_DEPENDENT, false",
        "APDM, ADDRESS_AND_PORT_DEPENDENT, false",
        "address-and-port-dependent, ADDRESS_AND_PORT_DEPENDENT, false"
    })
    void mappingAliases(String token, MappingBehavior mapping, boolean preserve) {
        RouterSpec r = NatSpecParser.parseOptions("r", token + ",eif");
        assertThat(r.mapping()).isEqualTo(mapping);
        assertThat(r.preservePort()).isEqualTo(preserve);
    }

    @ParameterizedTest
    @CsvSource({
        "eif, ENDPOINT_INDEPENDENT", "endpoint-independent, ENDPOINT_INDEPENDENT",
        "adf, ADDRESS_DEPENDENT", "address-dependent, ADDRESS_DEPENDENT",
        "apdf, ADDRESS_AND_PORT_DEPENDENT", "address-and-port-dependent, ADDRESS_AND_PORT_DEPENDENT"
    })
    void filteringAliases(String token, FilteringBehavior filtering) {
        assertThat(NatSpecParser.parseOptions("r", "eim," + token).filtering()).isEqualTo(filtering);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "home                              | is not NAME=MAPPING,FILTERING",
        "=eim,apdf                         | is not NAME=MAPPING,FILTERING",
        "home=eim                          | needs at least MAPPING,FILTERING",
        "home=cone,apdf                    | unknown mapping 'cone' (expected: eim, eim-np, adm or apdm)",
        "home=eim,open                     | unknown filtering 'open' (expected: eif, adf or apdf)",
        "home=eim,apdf,timeout=0           | timeout for router home must be 1..86400 seconds, not 0",
        "home=eim,apdf,timeout=abc         | timeout=abc is not a whole number",
        "home=eim,apdf,timeout             | timeout needs a value",
        "home=eim,apdf,loss=101%           | loss for router home must be 0..100 %, not 101",
        "home=eim,apdf,hosts=9             | hosts for router home must be 1..8, not 9",
        "home=eim,apdf,inbound=maybe       | inbound=maybe (expected: kernel or drop or reject)",
        "home=eim,apdf,icmp=eat            | icmp=eat (expected: forward or block)",
        "home=eim,apdf,hairpin=sometimes   | hairpin=sometimes (expected: on or off)",
        "home=eim,apdf,colour=red          | unknown option 'colour=red'",
        "home=eim,apdf,timeout=3,timeout=4 | option 'timeout' given twice",
        "Home=eim,apdf                     | router name 'Home' must be 1-10 lower-case letters or digits",
        "averyverylongname=eim,apdf        | must be 1-10 lower-case letters or digits",
        "home=eim,apdf,inbound=reject,icmp=block | inbound=reject answers with ICMP port unreachable but icmp=block drops it"
    })
    void badValuesGetSpecificErrors(String value, String message) {
        assertThatThrownBy(() -> NatSpecParser.parse(value.strip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.strip());
    }

    @Test
    void cgnatPutsARouterBehindADefaultCarrier() {
        LabTopology t = NatSpecParser.topology(List.of("a=eim,apdf", "b=apdm,apdf"), List.of("b"));
        assertThat(t.router("a").carrier()).isEmpty();
        RouterSpec carrier = t.router("b").carrier().orElseThrow();
        assertThat(carrier.mapping()).isEqualTo(MappingBehavior.ENDPOINT_INDEPENDENT);
        assertThat(carrier.preservePort()).isTrue();
        assertThat(carrier.filtering()).isEqualTo(FilteringBehavior.ENDPOINT_INDEPENDENT);
    }

    @Test
    void cgnatTakesItsOwnBehaviour() {
        LabTopology t = NatSpecParser.topology(List.of("a=eim,apdf"), List.of("a=apdm,adf,timeout=7"));
        RouterSpec carrier = t.router("a").carrier().orElseThrow();
        assertThat(carrier.mapping()).isEqualTo(MappingBehavior.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(carrier.udpTimeout()).isEqualTo(7);
    }

    @Test
    void cgnatErrors() {
        assertThatThrownBy(() -> NatSpecParser.topology(List.of("a=eim,apdf"), List.of("b")))
                .hasMessage("--cgnat b: no router named 'b' (define it first with --nat b=MAPPING,FILTERING)");
        assertThatThrownBy(() -> NatSpecParser.topology(List.of("a=eim,apdf"), List.of("a", "a")))
                .hasMessage("--cgnat a given twice");
        assertThatThrownBy(() -> NatSpecParser.topology(List.of("a=eim,apdf"), List.of("a=eim,eif,hosts=2")))
                .hasMessage("--cgnat a: a carrier NAT has no hosts of its own");
        assertThatThrownBy(() -> NatSpecParser.topology(List.of("a=eim,apdf", "a=eim,eif"), List.of()))
                .hasMessage("router name 'a' is used twice");
        assertThatThrownBy(() -> NatSpecParser.topology(List.of(), List.of()))
                .hasMessageContaining("a lab needs at least one NAT router");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "eim,apdf",
        "eim-np,eif,hairpin",
        "adm,adf,timeout=4,stream-timeout=8,loss=5%,inbound=drop,icmp=block,hosts=2",
        "apdm,apdf,inbound=reject"
    })
    void optionsRoundTrip(String options) {
        RouterSpec r = NatSpecParser.parseOptions("r", options);
        assertThat(r.options()).isEqualTo(options);
        assertThat(NatSpecParser.parseOptions("r", r.options())).isEqualTo(r);
    }
}
