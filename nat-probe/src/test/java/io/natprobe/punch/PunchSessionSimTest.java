package io.natprobe.punch;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.punch.PunchOptions.Direction;
import io.natprobe.punch.PunchOptions.Strategy;
import io.natprobe.sim.NatBehaviour;
import io.natprobe.sim.NatBehaviour.Allocation;
import io.natprobe.sim.NatBehaviour.Filtering;
import io.natprobe.sim.NatBehaviour.Mapping;
import io.natprobe.sim.SimNat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The punch state machine against simulated NATs with a fake clock (docs/punch-matrix.md). */
class PunchSessionSimTest {
    static final Mapping[] MAPPINGS = {Mapping.ENDPOINT_INDEPENDENT, Mapping.ADDRESS_DEPENDENT, Mapping.ADDRESS_AND_PORT_DEPENDENT};
    static final Filtering[] FILTERINGS = {Filtering.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT,
            Filtering.ADDRESS_AND_PORT_DEPENDENT};

    static NatBehaviour nat(Mapping m, Filtering f) {
        NatBehaviour b = NatBehaviour.of(m, f);
        // A Linux NAT with a dependent mapping allocates ports at random (masquerade fully-random).
        return m == Mapping.ENDPOINT_INDEPENDENT ? b : b.withAllocation(Allocation.RANDOM, 1);
    }

    /**
     * NAT-FACTS (measured between Linux NATs that drop unsolicited inbound UDP): punching works
     * exactly when either side filters endpoint-independently, either side is EIM + address-dependent
     * filtering, or both sides map endpoint-independently.
     */
    static boolean punchable(Mapping ma, Filtering fa, Mapping mb, Filtering fb) {
        boolean eimA = ma == Mapping.ENDPOINT_INDEPENDENT;
        boolean eimB = mb == Mapping.ENDPOINT_INDEPENDENT;
        return fa == Filtering.ENDPOINT_INDEPENDENT || fb == Filtering.ENDPOINT_INDEPENDENT
                || (eimA && fa == Filtering.ADDRESS_DEPENDENT) || (eimB && fb == Filtering.ADDRESS_DEPENDENT)
                || (eimA && eimB);
    }

    /**
     * The article's procedure with F first: S's probe must pass F's NAT, whose hole points at the
     * port S's NAT used toward the server. So F's filtering must be endpoint-independent, or F must
     * keep one mapping and filter by address only, or both keep one mapping; or S lets F's opening
     * probes in (endpoint-independent filtering). Unlike simultaneous, S being EIM + address-dependent
     * filtering does not help when F changes its port: F must not go first then (the reverse direction works).
     */
    static boolean stepwisePunchable(Mapping mf, Filtering ff, Mapping ms, Filtering fs) {
        boolean eimF = mf == Mapping.ENDPOINT_INDEPENDENT;
        boolean eimS = ms == Mapping.ENDPOINT_INDEPENDENT;
        return ff == Filtering.ENDPOINT_INDEPENDENT || fs == Filtering.ENDPOINT_INDEPENDENT
                || (eimF && ff == Filtering.ADDRESS_DEPENDENT) || (eimF && eimS);
    }

    static boolean expected(Strategy s, Direction d, Mapping ma, Filtering fa, Mapping mb, Filtering fb) {
        if (s == Strategy.SIMULTANEOUS) {
            return punchable(ma, fa, mb, fb);
        }
        return d == Direction.A_FIRST ? stepwisePunchable(ma, fa, mb, fb) : stepwisePunchable(mb, fb, ma, fa);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> all = new ArrayList<>();
        for (Mapping ma : MAPPINGS) {
            for (Filtering fa : FILTERINGS) {
                for (Mapping mb : MAPPINGS) {
                    for (Filtering fb : FILTERINGS) {
                        for (Direction d : List.of(Direction.A_FIRST, Direction.B_FIRST)) {
                            for (Strategy s : List.of(Strategy.STEPWISE, Strategy.SIMULTANEOUS)) {
                                all.add(Arguments.of(ma, fa, mb, fb, d, s));
                            }
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}, {4}, {5}")
    @MethodSource("everyPair")
    void everyPairOfBehavioursInBothDirections(Mapping ma, Filtering fa, Mapping mb, Filtering fb, Direction d,
                                               Strategy s) {
        PunchSim sim = new PunchSim(nat(ma, fa), nat(mb, fb), 7).register().punch(s, d, Duration.ofSeconds(3));
        boolean expected = expected(s, d, ma, fa, mb, fb);
        assertThat(sim.a.result).as(sim.describe()).isNotNull();
        assertThat(sim.b.result).as(sim.describe()).isNotNull();
        assertThat(sim.a.result.connected()).as(sim.describe()).isEqualTo(expected);
        assertThat(sim.b.result.connected()).as(sim.describe()).isEqualTo(expected);
        PunchResult.DirectionResult dir = sim.a.result.directions().get(0);
        assertThat(dir.first()).isEqualTo(d == Direction.A_FIRST ? "A" : "B");
        assertThat(dir.strategy()).isEqualTo(s);
        if (expected) {
            assertThat(dir.timeToConnect()).isNotNull();
            assertThat(dir.path()).isEqualTo("direct");
            assertThat(sim.a.result.diagnosis().code()).startsWith("connected");
        } else {
            boolean eitherVaries = ma != Mapping.ENDPOINT_INDEPENDENT || mb != Mapping.ENDPOINT_INDEPENDENT;
            boolean bothVary = ma != Mapping.ENDPOINT_INDEPENDENT && mb != Mapping.ENDPOINT_INDEPENDENT;
            assertThat(sim.a.result.diagnosis().code()).as(sim.describe())
                    .isEqualTo(bothVary ? "both-endpoint-dependent" : eitherVaries ? "endpoint-dependent-mapping" : "?");
        }
    }

    @Test
    void bStartingAfterAsFirstAttemptStillReportsIt() {
        NatBehaviour b = nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        PunchSim sim = new PunchSim(b, b, 3).register()
                .punch(Strategy.STEPWISE, Direction.A_FIRST, Duration.ofSeconds(3), Duration.ofMillis(800));
        assertThat(sim.b.result.connected()).as(sim.describe()).isTrue();
        assertThat(sim.b.result.directions()).hasSize(1);
    }

    @Test
    void bothDirectionsAreReported() {
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
                nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 3).register()
                .punch(Strategy.STEPWISE, Direction.BOTH, Duration.ofSeconds(3));
        assertThat(sim.a.result.directions()).extracting(PunchResult.DirectionResult::first).containsExactly("A", "B");
        assertThat(sim.b.result.directions()).extracting(PunchResult.DirectionResult::first).containsExactly("A", "B");
        assertThat(sim.a.result.directions()).allMatch(PunchResult.DirectionResult::connected);
    }

    @Test
    void lossIsSurvivedByRetransmission() {
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
                nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 11).register();
        sim.net.loss(0.3);
        sim.punch(Strategy.SIMULTANEOUS, Direction.A_FIRST, Duration.ofSeconds(5));
        assertThat(sim.a.result.connected()).as(sim.describe()).isTrue();
        assertThat(sim.net.lost()).isPositive();
    }

    @Test
    void udpBlockedTimesOutWithNoProbeArrived() {
        NatBehaviour blocked = NatBehaviour.of(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        PunchSim sim = new PunchSim(blocked, nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 5)
                .register();
        sim.a.nat.inbound(SimNat.Inbound.DROP);
        // Break the path after registration: B's NAT drops everything from now on.
        sim.net.loss(0.999);
        sim.punch(Strategy.SIMULTANEOUS, Direction.A_FIRST, Duration.ofSeconds(2));
        assertThat(sim.a.result.connected()).isFalse();
        assertThat(sim.a.result.diagnosis().code()).as(sim.describe()).isIn("no-probe-arrived", "router-state-port-change");
        assertThat(sim.a.notes).anyMatch(n -> n.contains("timed out"));
    }

    @Test
    void routerStatePitfallIsReproducedAndNamed() {
        NatBehaviour portRestricted = nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        PunchSim kernel = new PunchSim(portRestricted, SimNat.Inbound.KERNEL, portRestricted, SimNat.Inbound.KERNEL, 9,
                PunchLimits.DEFAULT).register().punch(Strategy.STEPWISE, Direction.A_FIRST, Duration.ofSeconds(3));
        assertThat(kernel.a.result.connected()).as(kernel.describe()).isFalse();
        assertThat(kernel.a.result.diagnosis().code()).as(kernel.describe()).isEqualTo("router-state-port-change");
        assertThat(kernel.b.result.diagnosis().code()).isEqualTo("router-state-port-change");
        assertThat(kernel.a.icmpSeen + kernel.b.icmpSeen).isPositive();
        assertThat(kernel.a.notes).anyMatch(n -> n.contains("ICMP port unreachable"));

        PunchSim drop = new PunchSim(portRestricted, SimNat.Inbound.DROP, portRestricted, SimNat.Inbound.DROP, 9,
                PunchLimits.DEFAULT).register().punch(Strategy.STEPWISE, Direction.A_FIRST, Duration.ofSeconds(3));
        assertThat(drop.a.result.connected()).as(drop.describe()).isTrue();
    }

    @Test
    void withOneKernelRouterTheSideBehindItMustGoFirst() {
        // Only A's router takes unsolicited UDP into its stack. A first: A's early probes die at B's
        // router (drop), B's answer matches A's open hole. B first: B's early probe creates state on
        // A's router, A's port moves, B's port-restricted NAT drops A from then on.
        NatBehaviour portRestricted = nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        PunchSim aFirst = new PunchSim(portRestricted, SimNat.Inbound.KERNEL, portRestricted, SimNat.Inbound.DROP, 6,
                PunchLimits.DEFAULT).register().punch(Strategy.STEPWISE, Direction.A_FIRST, Duration.ofSeconds(3));
        assertThat(aFirst.a.result.connected()).as(aFirst.describe()).isTrue();
        PunchSim bFirst = new PunchSim(portRestricted, SimNat.Inbound.KERNEL, portRestricted, SimNat.Inbound.DROP, 6,
                PunchLimits.DEFAULT).register().punch(Strategy.STEPWISE, Direction.B_FIRST, Duration.ofSeconds(3));
        assertThat(bFirst.a.result.connected()).as(bFirst.describe()).isFalse();
        assertThat(bFirst.b.result.diagnosis().code()).isEqualTo("router-state-port-change");
        assertThat(bFirst.b.icmpSeen).isPositive();
        assertThat(bFirst.b.result.diagnosis().advice().get(0)).startsWith("Let ");
    }

    @Test
    void portMoveSeenThroughEndpointIndependentFilteringIsNamed() {
        // B's router takes A's early probe into its stack and moves B's port; A filters nothing, so
        // B's probes from the new port get in and A reports where they came from.
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT), SimNat.Inbound.DROP,
                nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), SimNat.Inbound.KERNEL, 4,
                PunchLimits.DEFAULT).register().punch(Strategy.STEPWISE, Direction.A_FIRST, Duration.ofSeconds(3));
        assertThat(sim.a.result.connected()).isTrue();
        assertThat(sim.a.result.diagnosis().code()).as(sim.describe()).isEqualTo("connected-port-moved");
        assertThat(sim.a.result.diagnosis().details()).anyMatch(l -> l.startsWith("B's NAT used port ")
                && l.contains("not the " + sim.b.mapped.getPort() + " the server saw"));
    }

    @Test
    void endpointDependentMappingIsExplainedWithTheServersSecondAddress() {
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
                nat(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 2).register()
                .punch(Strategy.SIMULTANEOUS, Direction.A_FIRST, Duration.ofSeconds(2));
        assertThat(sim.a.result.connected()).isFalse();
        assertThat(sim.a.result.diagnosis().code()).isEqualTo("endpoint-dependent-mapping");
        assertThat(sim.a.result.diagnosis().details()).anyMatch(l -> l.contains("B's NAT used port")
                && l.contains("toward the server's second address"));
        assertThat(sim.a.result.diagnosis().advice()).anyMatch(l -> l.contains("birthday"));
    }

    @Test
    void birthdayConnectsEndpointIndependentToRandomPortsWithinBounds() {
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
                nat(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 21).register()
                .punch(Strategy.BIRTHDAY, Direction.A_FIRST, Duration.ofSeconds(3));
        assertThat(sim.a.result.connected()).as(sim.describe()).isTrue();
        PunchLimits l = PunchLimits.DEFAULT;
        // A sprays at most birthdayProbes guesses (plus answers and confirms); B sends from its sockets.
        assertThat(sim.a.result.directions().get(0).probesSent()).isLessThanOrEqualTo(l.birthdayProbes() + 200);
        assertThat(sim.a.result.directions().get(0).remote().getAddress()).isEqualTo(sim.b.mapped.getAddress());
        assertThat(sim.b.sockets).hasSizeLessThanOrEqualTo(2); // the extra sockets were closed but the winner
    }

    @Test
    void sequentialPredictionConnectsToASequentialAllocator() {
        NatBehaviour sequential = NatBehaviour.of(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT)
                .withAllocation(Allocation.SEQUENTIAL, 1);
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), sequential, 8)
                .register().punch(Strategy.PREDICT, Direction.B_FIRST, Duration.ofSeconds(3));
        assertThat(sim.a.result.connected()).as(sim.describe()).isTrue();
        assertThat(sim.a.result.directions().get(0).probesSent()).isLessThanOrEqualTo(PunchLimits.DEFAULT.predictProbes() + 60);
    }

    @Test
    void predictionIsSkippedWhenBothMappingsAreStable() {
        NatBehaviour b = nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);
        PunchSim sim = new PunchSim(b, b, 1).register().punch(Strategy.BIRTHDAY, Direction.A_FIRST, Duration.ofSeconds(2));
        assertThat(sim.a.result.connected()).isFalse();
        assertThat(sim.a.result.diagnosis().details()).anyMatch(l -> l.contains("nothing to predict"));
    }

    @Test
    void allStrategiesStopAtTheFirstThatConnects() {
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
                nat(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 21).register()
                .punch(Strategy.ALL, Direction.A_FIRST, Duration.ofSeconds(2));
        assertThat(sim.a.result.connected()).as(sim.describe()).isTrue();
        assertThat(sim.a.result.directions().get(0).strategy()).isEqualTo(Strategy.BIRTHDAY);
    }

    @Test
    void sameLanPeersConnectOverTheirLocalAddresses() {
        PunchSim sim = new PunchSim(nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
                nat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT), 1);
        // Not a LAN test of the sim (two realms), but the path label: a peer reached at its reported local address.
        Diagnoser d = new Diagnoser(io.natprobe.rendezvous.Role.A, PunchSim.addr("10.0.1.10", 5000),
                PunchSim.addr("203.0.113.10", 5000), NatHint.UNKNOWN,
                PunchSim.addr("203.0.113.10", 6000), NatHint.UNKNOWN, List.of(PunchSim.addr("10.0.1.11", 5000)), List.of());
        assertThat(d.path(PunchSim.addr("10.0.1.11", 5000))).isEqualTo("same-lan");
        assertThat(d.path(PunchSim.addr("203.0.113.10", 6000))).isEqualTo("hairpin");
        assertThat(d.path(PunchSim.addr("203.0.113.20", 6000))).isEqualTo("direct");
        assertThat(sim).isNotNull();
    }
}
