package io.natprobe.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.net.RetransmissionPolicy;
import io.natprobe.sim.NatBehaviour;
import io.natprobe.sim.NatBehaviour.Allocation;
import io.natprobe.sim.NatBehaviour.Filtering;
import io.natprobe.sim.NatBehaviour.Mapping;
import io.natprobe.sim.SimNetwork;
import io.natprobe.sim.SimScenario;
import io.natprobe.sim.SimStunServer;
import io.natprobe.sim.SimStunServer.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classifier against the simulated NAT with a fake clock: the whole mapping x filtering matrix and the odd cases. */
class Rfc5780PlanSimTest {

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Mapping m : List.of(Mapping.ENDPOINT_INDEPENDENT, Mapping.ADDRESS_DEPENDENT, Mapping.ADDRESS_AND_PORT_DEPENDENT)) {
            for (Filtering f : List.of(Filtering.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT)) {
                for (boolean hairpin : new boolean[] {false, true}) {
                    b.add(Arguments.of(m, f, hairpin));
                }
            }
        }
        return b.build();
    }

    static NatReport classify(SimScenario s, InetSocketAddress... servers) throws IOException {
        List<InetSocketAddress> list = servers.length == 0 ? List.of(s.primary()) : List.of(servers);
        return Classifier.classify(s.host, s.clock, RetransmissionPolicy.FAST, list);
    }

    static MappingBehaviour expected(Mapping m) {
        return MappingBehaviour.valueOf(m.name());
    }

    static FilteringBehaviour expected(Filtering f) {
        return FilteringBehaviour.valueOf(f.name());
    }

    @ParameterizedTest(name = "{0} x {1}, hairpin {2}")
    @MethodSource("matrix")
    void everyMappingAndFilteringCombination(Mapping m, Filtering f, boolean hairpin) throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(m, f).withHairpin(hairpin), Kind.RFC5780, 1);
        NatReport r = classify(s);
        assertThat(r.mapping()).isEqualTo(expected(m));
        assertThat(r.filtering()).isEqualTo(expected(f));
        assertThat(r.hairpinning()).isEqualTo(hairpin);
        assertThat(r.servers()).singleElement().extracting(ServerInfo::support).isEqualTo(ServerInfo.Support.RFC5780);
        assertThat(r.localAddress()).startsWith("192.168.1.10:");
        assertThat(r.mappedAddress()).startsWith("198.51.100.1:");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.evidence()).containsKeys("mapping", "filtering", "hairpinning", "portAllocation");
        assertThat(r.evidence().get("mapping")).allSatisfy(label ->
                assertThat(r.transactions()).anyMatch(t -> t.label().equals(label)));
    }

    @ParameterizedTest(name = "{0} x {1}, hairpin {2}, 5% loss")
    @MethodSource("matrix")
    void fivePercentLossGivesTheSameVerdict(Mapping m, Filtering f, boolean hairpin) throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            SimScenario s = new SimScenario(NatBehaviour.of(m, f).withHairpin(hairpin), Kind.RFC5780, seed);
            s.network.loss(0.05);
            NatReport r = classify(s);
            assertThat(r.mapping()).as("seed %d", seed).isEqualTo(expected(m));
            assertThat(r.filtering()).as("seed %d", seed).isEqualTo(expected(f));
            assertThat(r.hairpinning()).as("seed %d", seed).isEqualTo(hairpin);
        }
    }

    @Test
    void classicLabelsAreDerived() throws IOException {
        assertThat(classify(new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT), Kind.RFC5780, 1)).classicType())
                .isEqualTo(ClassicType.FULL_CONE);
        assertThat(classify(new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT), Kind.RFC5780, 1)).classicType())
                .isEqualTo(ClassicType.RESTRICTED_CONE);
        assertThat(classify(new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), Kind.RFC5780, 1)).classicType())
                .isEqualTo(ClassicType.PORT_RESTRICTED_CONE);
        assertThat(classify(new SimScenario(NatBehaviour.of(Mapping.ADDRESS_DEPENDENT, Filtering.ENDPOINT_INDEPENDENT), Kind.RFC5780, 1)).classicType())
                .isEqualTo(ClassicType.SYMMETRIC);
    }

    @Test
    void noNatAtAll() throws IOException {
        NatReport r = classify(new SimScenario(null, Kind.RFC5780, 1));
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.NONE);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.NONE);
        assertThat(r.classicType()).isEqualTo(ClassicType.OPEN_INTERNET);
        assertThat(r.hairpinning()).isNull();
        assertThat(r.portAllocation()).isEqualTo(PortAllocation.NONE);
        assertThat(r.localAddress()).isEqualTo(r.mappedAddress());
    }

    @Test
    void firewallWithoutNat() throws IOException {
        NatReport r = classify(new SimScenario(NatBehaviour.of(Mapping.NONE, Filtering.ADDRESS_AND_PORT_DEPENDENT), Kind.RFC5780, 1));
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.NONE);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(r.classicType()).isEqualTo(ClassicType.SYMMETRIC_FIREWALL);
    }

    @Test
    void udpBlocked() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT).blockingUdp(), Kind.RFC5780, 1);
        NatReport r = classify(s);
        assertThat(r.classicType()).isEqualTo(ClassicType.UDP_BLOCKED);
        assertThat(r.anyServerAnswered()).isFalse();
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.UNKNOWN);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.UNKNOWN);
        assertThat(r.servers()).singleElement().extracting(ServerInfo::support).isEqualTo(ServerInfo.Support.NO_ANSWER);
        assertThat(r.warnings()).anyMatch(w -> w.contains("No server answered"));
        assertThat(r.transactions()).allMatch(t -> t.outcome().startsWith("timeout"));
    }

    @Test
    void serverWithoutRfc5780IsSaidPlainly() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT), Kind.PLAIN, 1);
        NatReport r = classify(s);
        assertThat(r.servers()).singleElement().extracting(ServerInfo::support).isEqualTo(ServerInfo.Support.NO_RFC5780);
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.UNKNOWN);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.UNKNOWN);
        assertThat(r.mappedAddress()).startsWith("198.51.100.1:");
        assertThat(r.warnings()).anyMatch(w -> w.contains("does not support") || w.contains("supports RFC 5780"));
        assertThat(r.complete()).isFalse();
    }

    @Test
    void serverThatIgnoresChangeRequestIsCaught() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), Kind.IGNORES_CHANGE_REQUEST, 1);
        NatReport r = classify(s);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.UNKNOWN);
    }

    @Test
    void severalPlainServersStillJudgeMapping() throws IOException {
        for (Mapping m : List.of(Mapping.ENDPOINT_INDEPENDENT, Mapping.ADDRESS_AND_PORT_DEPENDENT)) {
            SimScenario s = new SimScenario(NatBehaviour.of(m, Filtering.ADDRESS_AND_PORT_DEPENDENT), Kind.PLAIN, 1);
            new SimStunServer(s.network, Kind.PLAIN, SimScenario.ip("203.0.113.9"), SimScenario.ip("203.0.113.10"), 3478, 3479);
            NatReport r = classify(s, s.primary(), new InetSocketAddress(SimScenario.ip("203.0.113.9"), 3478));
            if (m == Mapping.ENDPOINT_INDEPENDENT) {
                assertThat(r.mapping()).isEqualTo(MappingBehaviour.ENDPOINT_INDEPENDENT);
            } else {
                assertThat(r.mapping()).isEqualTo(MappingBehaviour.UNKNOWN);
                assertThat(r.classicType()).isEqualTo(ClassicType.SYMMETRIC);
            }
            assertThat(r.filtering()).isEqualTo(FilteringBehaviour.UNKNOWN);
        }
    }

    @Test
    void aPlainFirstServerAndAnRfc5780SecondOneStillGiveTheFullVerdict() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ADDRESS_DEPENDENT, Filtering.ADDRESS_DEPENDENT), Kind.RFC5780, 1);
        new SimStunServer(s.network, Kind.PLAIN, SimScenario.ip("203.0.113.9"), SimScenario.ip("203.0.113.10"), 3478, 3479);
        NatReport r = classify(s, new InetSocketAddress(SimScenario.ip("203.0.113.9"), 3478), s.primary());
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.ADDRESS_DEPENDENT);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.ADDRESS_DEPENDENT);
        assertThat(r.servers()).extracting(ServerInfo::support)
                .containsExactly(ServerInfo.Support.NO_RFC5780, ServerInfo.Support.RFC5780);
    }

    @Test
    void legacyRfc3489ServerIsUsed() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_DEPENDENT), Kind.LEGACY_3489, 1);
        NatReport r = classify(s);
        assertThat(r.servers()).singleElement().extracting(ServerInfo::support).isEqualTo(ServerInfo.Support.LEGACY_RFC3489);
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.ADDRESS_DEPENDENT);
    }

    @Test
    void portAllocationPatterns() throws IOException {
        NatBehaviour base = NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        NatReport preserving = classify(new SimScenario(base, Kind.RFC5780, 1));
        assertThat(preserving.portAllocation()).isEqualTo(PortAllocation.PRESERVING);
        assertThat(preserving.portPreservation()).isTrue();

        NatReport sequential = classify(new SimScenario(base.withAllocation(Allocation.SEQUENTIAL, 2), Kind.RFC5780, 1));
        assertThat(sequential.portAllocation()).isEqualTo(PortAllocation.SEQUENTIAL);
        assertThat(sequential.portDelta()).isEqualTo(2);
        assertThat(sequential.portPreservation()).isFalse();

        NatReport random = classify(new SimScenario(base.withAllocation(Allocation.RANDOM, 1), Kind.RFC5780, 1));
        assertThat(random.portAllocation()).isEqualTo(PortAllocation.RANDOM);
        assertThat(random.portPreservation()).isFalse();
    }

    @Test
    void doubleNatBehindCarrierGradeNatIsHinted() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), Kind.RFC5780, 1);
        // A second NAT inside the first: the home router's WAN side is in 100.64.0.0/10.
        SimNetwork.Realm home = s.network.addNat(s.hostRealm, SimScenario.ip("100.64.0.5"),
                NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), "home");
        // The carrier's NAT must route the home router's traffic: the home router sits in the carrier realm.
        io.natprobe.sim.SimHost inner = new io.natprobe.sim.SimHost(home, SimScenario.ip("100.64.0.77"));
        NatReport r = Classifier.classify(inner, s.clock, RetransmissionPolicy.FAST, List.of(s.primary()));
        assertThat(r.cgnatSuspected()).isTrue();
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.ENDPOINT_INDEPENDENT);
    }

    @Test
    void repeatedRunsAgree() throws IOException {
        NatBehaviour b = NatBehaviour.of(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        SimScenario s = new SimScenario(b, Kind.RFC5780, 7);
        String first = classify(s).verdictKey();
        for (int i = 0; i < 3; i++) assertThat(classify(s).verdictKey()).isEqualTo(first);
    }

    @Test
    void aSilentFirstServerMovesThePortAndHairpinTestsToTheServerThatWorks() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT)
                .withAllocation(Allocation.SEQUENTIAL, 2).withHairpin(true), Kind.RFC5780, 1);
        // Nothing listens at 203.0.113.99: the first server never answers.
        NatReport r = classify(s, new InetSocketAddress(SimScenario.ip("203.0.113.99"), 3478), s.primary());
        assertThat(r.servers()).extracting(ServerInfo::support)
                .containsExactly(ServerInfo.Support.NO_ANSWER, ServerInfo.Support.RFC5780);
        assertThat(r.mapping()).isEqualTo(MappingBehaviour.ENDPOINT_INDEPENDENT);
        assertThat(r.filtering()).isEqualTo(FilteringBehaviour.ADDRESS_DEPENDENT);
        assertThat(r.portAllocation()).isEqualTo(PortAllocation.SEQUENTIAL);
        assertThat(r.portDelta()).isEqualTo(2);
        assertThat(r.hairpinning()).isTrue();
        assertThat(r.evidence().get("portAllocation")).contains("allocation-1 server 2", "allocation-6 server 2")
                .noneMatch(l -> l.equals("allocation-1"));
        assertThat(r.transactions()).filteredOn(t -> t.label().startsWith("allocation-1"))
                .extracting(t -> t.to()).containsExactly("203.0.113.99:3478", "203.0.113.1:3478");
    }

    @Test
    void aSilentFirstServerWithoutRfc5780StillGivesPortAllocation() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT)
                .withAllocation(Allocation.RANDOM, 1), Kind.PLAIN, 1);
        NatReport r = classify(s, new InetSocketAddress(SimScenario.ip("203.0.113.99"), 3478), s.primary());
        assertThat(r.portAllocation()).isEqualTo(PortAllocation.RANDOM);
        assertThat(r.portPreservation()).isFalse();
    }
}
