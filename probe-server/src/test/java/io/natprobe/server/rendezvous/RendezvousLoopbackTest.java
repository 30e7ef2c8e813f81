package io.natprobe.server.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketRecorder;
import io.natprobe.log.TrafficKind;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PeerLinks;
import io.natprobe.punch.PunchException;
import io.natprobe.punch.PunchOptions;
import io.natprobe.punch.PunchResult;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.server.HandlerOptions;
import io.natprobe.server.ProbeServer;
import io.natprobe.server.RateBudget;
import io.natprobe.server.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real server with rendezvous on 127.0.0.1 + 127.0.0.2, and real PeerLinks on loopback. */
class RendezvousLoopbackTest {
    static final InetAddress LO1 = ip("127.0.0.1");
    static final InetAddress LO2 = ip("127.0.0.2");

    ProbeServer server;
    InetSocketAddress rendezvous;
    RendezvousService service;

    @BeforeEach
    void start() throws IOException {
        IOException last = null;
        for (int i = 0; i < 30 && server == null; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 60000);
            ServerConfig cfg = new ServerConfig(List.of(new ServerConfig.Family(LO1, LO2, null, null)), port, port + 1,
                    HandlerOptions.DEFAULT, RateBudget.Limits.DEFAULT, null, false, false, 1,
                    ServerConfig.DEFAULT_RECEIVE_BUFFER);
            try {
                service = RendezvousDefaults.service();
                server = ProbeServer.startWithRendezvous(cfg, InstantSource.system(), System.err, service);
                rendezvous = new InetSocketAddress(LO1, port);
            } catch (IOException e) {
                last = e;
            }
        }
        if (server == null) {
            throw last;
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    PeerLink link(PacketRecorder log) throws PunchException {
        return PeerLinks.open(rendezvous, new InetSocketAddress(LO1, 0), log, InstantSource.system());
    }

    @Test
    void twoPeersMeetAndConnectInBothDirections() throws Exception {
        PacketRecorder logA = new PacketRecorder();
        try (PeerLink a = link(logA); PeerLink b = link(new PacketRecorder())) {
            SessionCode code = a.createSession();
            b.join(code);
            assertThat(a.status().role()).hasToString("A");
            assertThat(b.status().role()).hasToString("B");
            // Each side learns the other from the server asynchronously (B from its REGISTER answer,
            // A from the server's REGISTER indication): wait for both.
            waitFor(() -> a.status().peerReflexive() != null && b.status().peerReflexive() != null);
            assertThat(a.status().peerReflexive()).isEqualTo(b.status().local());
            assertThat(b.status().peerReflexive()).isEqualTo(a.status().local());

            PunchOptions o = new PunchOptions(PunchOptions.Strategy.SIMULTANEOUS, PunchOptions.Direction.BOTH,
                    Duration.ofSeconds(3), Duration.ofMillis(50));
            CompletableFuture<PunchResult> rb = CompletableFuture.supplyAsync(() -> {
                try {
                    return b.punch(o, () -> false);
                } catch (PunchException e) {
                    throw new RuntimeException(e);
                }
            });
            PunchResult ra = a.punch(o, () -> false);
            PunchResult resultB = rb.get(30, TimeUnit.SECONDS);
            assertThat(ra.connected()).as(ra.toString()).isTrue();
            assertThat(resultB.connected()).isTrue();
            assertThat(ra.directions()).extracting(PunchResult.DirectionResult::first).containsExactly("A", "B");
            assertThat(ra.directions().get(0).rtt()).isNotNull();
            assertThat(a.status().state()).isEqualTo("CONNECTED");
            assertThat(logA.events()).anyMatch(e -> e.kind() == TrafficKind.RENDEZVOUS && e.type() == EventType.SENT);
            assertThat(logA.events()).anyMatch(e -> e.kind() == TrafficKind.PUNCH && e.type() == EventType.RECEIVED);

            List<PacketEvent> timeline = a.timeline(Duration.ofSeconds(5), () -> false);
            assertThat(timeline).anyMatch(e -> e.origin() == Origin.PEER);
            assertThat(timeline).anyMatch(e -> e.origin() == Origin.SELF);
            assertThat(service.stats().relayed.sum()).isPositive();
        }
    }

    @Test
    void theShellStepsWork() throws Exception {
        try (PeerLink a = link(new PacketRecorder()); PeerLink b = link(new PacketRecorder())) {
            SessionCode code = a.createSession();
            assertThatThrownBy(() -> a.open(1, java.util.OptionalInt.empty())).isInstanceOf(PunchException.class)
                    .hasMessageContaining("no peer yet");
            b.join(code);
            waitFor(() -> a.status().peerReflexive() != null);
            assertThatThrownBy(() -> a.open(1, java.util.OptionalInt.of(2))).isInstanceOf(PunchException.class)
                    .hasMessageContaining("cannot set the IP TTL");
            a.open(2, java.util.OptionalInt.empty());
            a.ask(2);
            var heard = a.listen(Duration.ofSeconds(2), () -> false);
            assertThat(heard.probesHeard()).isGreaterThanOrEqualTo(1);
            assertThat(heard.from()).isEqualTo(b.status().local());
        }
    }

    @Test
    void theWaitingSideCanListenBeforeThePeerJoins() throws Exception {
        try (PeerLink a = link(new PacketRecorder()); PeerLink b = link(new PacketRecorder())) {
            SessionCode code = a.createSession();
            // No peer within the time: a clear message, not a hang.
            assertThatThrownBy(() -> a.listen(Duration.ofMillis(300), () -> false)).isInstanceOf(PunchException.class)
                    .hasMessageContaining("no peer joined within");
            var heard = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return a.listen(Duration.ofSeconds(10), () -> false);
                } catch (PunchException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            b.join(code);
            waitFor(() -> b.status().peerReflexive() != null);
            b.open(1, java.util.OptionalInt.empty());
            b.send(3);
            var r = heard.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.probesHeard()).isGreaterThanOrEqualTo(1);
            assertThat(r.from()).isEqualTo(b.status().local());
            // B leaves: A's timeline still works, and holds B's side (B handed over its log on leaving).
            b.close();
            waitFor(() -> a.status().peerReflexive() == null);
            var timeline = a.timeline(Duration.ofSeconds(2), () -> false);
            assertThat(timeline).anyMatch(e -> e.origin() == io.natprobe.log.Origin.PEER
                    && e.type() == io.natprobe.log.EventType.SENT && e.kind() == io.natprobe.log.TrafficKind.PUNCH);
            assertThat(timeline).anyMatch(e -> e.origin() == io.natprobe.log.Origin.SELF);
        }
    }

    @Test
    void aWrongCodeIsRefused() throws Exception {
        try (PeerLink a = link(new PacketRecorder()); PeerLink eve = link(new PacketRecorder())) {
            SessionCode code = a.createSession();
            SessionCode wrong = new SessionCode(code.nameplate(), (code.word1() + 1) % 256, code.word2());
            assertThatThrownBy(() -> eve.join(wrong)).isInstanceOf(PunchException.class).hasMessageContaining("401");
            assertThat(service.stats().authFailures.sum()).isPositive();
            assertThat(a.status().peerReflexive()).isNull();
        }
    }

    @Test
    void aThirdPeerIsRefusedAndLearnsNothing() throws Exception {
        try (PeerLink a = link(new PacketRecorder()); PeerLink b = link(new PacketRecorder());
             PeerLink c = link(new PacketRecorder())) {
            SessionCode code = a.createSession();
            b.join(code);
            assertThatThrownBy(() -> c.join(code)).isInstanceOf(PunchException.class).hasMessageContaining("403");
            assertThat(c.status().peerReflexive()).isNull();
            assertThat(service.stats().thirdPeerRefused.sum()).isPositive();
            // Each side learns the other from the server asynchronously (B from its REGISTER answer,
            // A from the server's REGISTER indication): wait for both.
            waitFor(() -> a.status().peerReflexive() != null && b.status().peerReflexive() != null);
            assertThat(a.status().peerReflexive()).isEqualTo(b.status().local());
        }
    }

    @Test
    void anUnreachableServerIsReportedClearly() throws Exception {
        InetSocketAddress nobody = new InetSocketAddress(LO1, rendezvous.getPort() + 7);
        try (PeerLink a = PeerLinks.open(nobody, new InetSocketAddress(LO1, 0), null, InstantSource.system())) {
            assertThatThrownBy(a::createSession).isInstanceOf(PunchException.class).hasMessageContaining("did not answer");
        }
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
