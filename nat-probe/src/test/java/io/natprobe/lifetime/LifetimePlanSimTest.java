package io.natprobe.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.net.RetransmissionPolicy;
import io.natprobe.sim.NatBehaviour;
import io.natprobe.sim.NatBehaviour.Filtering;
import io.natprobe.sim.NatBehaviour.Mapping;
import io.natprobe.sim.SimScenario;
import io.natprobe.sim.SimStunServer.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Binding lifetimes against the simulated NAT with a fake clock. */
class LifetimePlanSimTest {

    static SimScenario scenario(Mapping m, Filtering f, int udp, int stream, Kind kind) {
        return new SimScenario(NatBehaviour.of(m, f).withTimeouts(Duration.ofSeconds(udp), Duration.ofSeconds(stream)), kind, 3);
    }

    static LifetimeResult measure(SimScenario s, int max, List<LifetimeProgress> progress) throws IOException {
        return LifetimeMeter.measure(s.host, s.clock, RetransmissionPolicy.FAST, s.primary(), max, 1, progress::add);
    }

    @ParameterizedTest
    @EnumSource(value = Mapping.class, names = {"ENDPOINT_INDEPENDENT", "ADDRESS_AND_PORT_DEPENDENT"})
    void measuresBothLifetimesWithinOneSecond(Mapping mapping) throws IOException {
        SimScenario s = scenario(mapping, Filtering.ADDRESS_AND_PORT_DEPENDENT, 7, 20, Kind.RFC5780);
        List<LifetimeProgress> progress = new ArrayList<>();
        var start = s.clock.instant();
        LifetimeResult r = measure(s, 60, progress);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.singleExchange()).isEqualTo(LifetimeBound.between(6, 7));
        assertThat(r.sustained()).isEqualTo(LifetimeBound.between(19, 20));
        // Parallel: the run ends soon after the longest lifetime, not after a sum of waits.
        assertThat(Duration.between(start, s.clock.instant())).isLessThan(Duration.ofSeconds(20 + 3 + 5));
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).singleUpper()).isEqualTo(7);
        assertThat(r.transactions()).anyMatch(t -> t.label().equals("single-exchange probe 6s") && t.outcome().equals("answered"));
        assertThat(r.transactions()).anyMatch(t -> t.label().equals("single-exchange probe 7s") && t.outcome().equals("timeout"));
    }

    @Test
    void bindingsThatOutliveMaxGiveALowerBoundOnly() throws IOException {
        SimScenario s = scenario(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT, 30, 120, Kind.RFC5780);
        LifetimeResult r = measure(s, 10, new ArrayList<>());
        assertThat(r.singleExchange()).isEqualTo(LifetimeBound.atLeast(10));
        assertThat(r.sustained()).isEqualTo(LifetimeBound.atLeast(10));
    }

    @Test
    void sameLifetimeUnderLoss() throws IOException {
        SimScenario s = scenario(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT, 5, 9, Kind.RFC5780);
        s.network.loss(0.05);
        LifetimeResult r = measure(s, 20, new ArrayList<>());
        assertThat(r.singleExchange().upperBound()).isEqualTo(5);
        assertThat(r.sustained().upperBound()).isEqualTo(9);
    }

    @Test
    void serverIgnoringResponsePortIsNamed() throws IOException {
        SimScenario s = scenario(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT, 5, 9, Kind.RFC5780);
        s.server.ignoringResponsePort();
        LifetimeResult r = measure(s, 20, new ArrayList<>());
        assertThat(r.singleExchange()).isNull();
        assertThat(r.sustained()).isNull();
        assertThat(r.warnings()).singleElement().asString().contains("ignored RESPONSE-PORT");
    }

    @Test
    void shortFormIsSentSoAServerIgnoringTheLongFormStillWorks() throws IOException {
        SimScenario s = scenario(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT, 4, 6, Kind.RFC5780);
        s.server.ignoringLongResponsePort();
        LifetimeResult r = measure(s, 10, new ArrayList<>());
        assertThat(r.singleExchange().upperBound()).isEqualTo(4);
    }

    @Test
    void aServerThatWantsTheFourByteFormGetsIt() throws IOException {
        SimScenario s = scenario(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT, 4, 6, Kind.RFC5780);
        s.server.ignoringShortResponsePort();
        LifetimeResult r = measure(s, 10, new ArrayList<>());
        assertThat(r.singleExchange().upperBound()).isEqualTo(4);
        assertThat(r.sustained().upperBound()).isEqualTo(6);
        assertThat(r.warnings()).singleElement().asString().contains("4-byte form was used");
    }

    @Test
    void serverWithoutRfc5780IsNamed() throws IOException {
        SimScenario s = scenario(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT, 5, 9, Kind.PLAIN);
        LifetimeResult r = measure(s, 20, new ArrayList<>());
        assertThat(r.singleExchange()).isNull();
        assertThat(r.warnings()).singleElement().asString().contains("refused RESPONSE-PORT");
    }

    @Test
    void noServerMeansNothingMeasured() throws IOException {
        SimScenario s = new SimScenario(NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT).blockingUdp(), Kind.RFC5780, 1);
        LifetimeResult r = measure(s, 20, new ArrayList<>());
        assertThat(r.singleExchange()).isNull();
        assertThat(r.sustained()).isNull();
        assertThat(r.warnings()).isNotEmpty();
    }
}
