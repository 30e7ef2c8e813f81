package io.natprobe.server;

import static io.natprobe.server.LoopbackServer.LO1;
import static io.natprobe.server.LoopbackServer.LO2;
import static io.natprobe.server.LoopbackServer.awaitCount;
import static io.natprobe.server.LoopbackServer.client;
import static io.natprobe.server.LoopbackServer.receive;
import static io.natprobe.server.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.server.LoopbackServer.Received;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.AttributeType;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real server on 127.0.0.1 + 127.0.0.2 answering a real UDP client. */
class ServerLoopTest {
    static ProbeServer server;
    static AdvertisedAddresses addresses;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackServer.start((p, a) -> LoopbackServer.twoAddresses(p, a, null));
        addresses = server.config().families().get(0).advertised(server.config().port(), server.config().altPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static java.util.stream.Stream<Arguments> changeRequests() {
        return BindingHandlerTest.changeRequests();
    }

    @ParameterizedTest(name = "to {0} change-ip={1} change-port={2}: answered from {3}")
    @MethodSource("changeRequests")
    void everyChangeRequestIsAnsweredFromTheRightSocket(SocketRole arrival, boolean ip, boolean port, SocketRole expected)
            throws Exception {
        try (DatagramSocket c = client()) {
            StunMessage req = StunMessage.bindingRequest(new Attribute.ChangeRequest(ip, port));
            send(c, StunCodec.encodeWithFingerprint(req), addresses.get(arrival));
            Received r = receive(c);
            assertThat(r).as("a reply").isNotNull();
            assertThat(r.from()).isEqualTo(addresses.get(expected));
            StunMessage m = r.message();
            assertThat(m.transactionId()).isEqualTo(req.transactionId());
            assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(c.getLocalSocketAddress());
            assertThat(m.get(Attribute.ResponseOrigin.class).orElseThrow().address()).isEqualTo(addresses.get(expected));
            assertThat(m.get(Attribute.OtherAddress.class).orElseThrow().address()).isEqualTo(addresses.get(arrival.other()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void responsePortSendsTheReplyToAnotherSocketOfTheClient(int valueLength) throws Exception {
        try (DatagramSocket asker = client(); DatagramSocket target = client()) {
            StunMessage req = StunMessage.bindingRequest(new Attribute.ResponsePort(target.getLocalPort(), valueLength),
                    new Attribute.ChangeRequest(true, true));
            send(asker, StunCodec.encodeWithFingerprint(req), addresses.get(SocketRole.PP));
            Received r = receive(target);
            assertThat(r).as("a reply at the RESPONSE-PORT").isNotNull();
            assertThat(r.from()).isEqualTo(addresses.get(SocketRole.AA));
            StunMessage m = r.message();
            assertThat(m.transactionId()).isEqualTo(req.transactionId());
            assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(asker.getLocalSocketAddress());
            // And nothing went to the asking socket: its next datagram is the answer to a plain request.
            StunMessage plain = StunMessage.bindingRequest();
            send(asker, StunCodec.encodeWithFingerprint(plain), addresses.get(SocketRole.PP));
            assertThat(receive(asker).message().transactionId()).isEqualTo(plain.transactionId());
        }
    }

    static java.util.stream.Stream<Arguments> hostile() {
        byte[] huge = new byte[65507];
        new java.util.Random(7).nextBytes(huge);
        byte[] hugeStunHeader = huge.clone();
        hugeStunHeader[0] = 0;
        hugeStunHeader[1] = 1;
        return java.util.stream.Stream.concat(BindingHandlerTest.drops(), java.util.stream.Stream.of(
                Arguments.of("65,507 random bytes", huge, DropReason.NOT_STUN),
                Arguments.of("65,507 bytes with a Binding type", hugeStunHeader, DropReason.NOT_STUN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileDatagramsAreDroppedSilentlyAndCountedThenValidRequestsStillAnswered(String name, byte[] datagram,
            DropReason reason) throws Exception {
        try (DatagramSocket c = client()) {
            long before = server.metrics().dropCount(0, SocketRole.PA, reason);
            send(c, datagram, addresses.get(SocketRole.PA));
            assertThat(awaitCount(() -> server.metrics().dropCount(0, SocketRole.PA, reason), before + 1))
                    .isEqualTo(before + 1);
            StunMessage plain = StunMessage.bindingRequest();
            send(c, StunCodec.encodeWithFingerprint(plain), addresses.get(SocketRole.PA));
            Received r = receive(c);
            assertThat(r).isNotNull();
            // The first thing the client hears is the valid answer: the hostile datagram got nothing.
            assertThat(r.message().transactionId()).isEqualTo(plain.transactionId());
        }
    }

    @Test
    void wellFormedProblemsGetTheirErrorOverTheWire() throws Exception {
        try (DatagramSocket c = client()) {
            StunMessage unknown = StunMessage.bindingRequest(new Attribute.Raw(AttributeType.of(0x7001), new byte[4]));
            send(c, StunCodec.encodeWithFingerprint(unknown), addresses.get(SocketRole.AP));
            Received r = receive(c);
            assertThat(r.from()).isEqualTo(addresses.get(SocketRole.AP));
            assertThat(r.message().type()).isEqualTo(MessageType.BINDING_ERROR);
            assertThat(r.message().get(Attribute.ErrorCode.class).orElseThrow().code()).isEqualTo(420);
            assertThat(r.message().get(Attribute.UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7001);

            StunMessage privileged = StunMessage.bindingRequest(new Attribute.ResponsePort(53));
            send(c, StunCodec.encodeWithFingerprint(privileged), addresses.get(SocketRole.PP));
            r = receive(c);
            assertThat(r.message().transactionId()).isEqualTo(privileged.transactionId());
            assertThat(r.message().get(Attribute.ErrorCode.class).orElseThrow().code()).isEqualTo(400);
        }
    }

    @Test
    void classicRfc3489ClientIsAnswered() throws Exception {
        try (DatagramSocket c = client()) {
            byte[] req = BindingHandlerTest.classic(new Attribute.ChangeRequest(true, false));
            send(c, req, addresses.get(SocketRole.PP));
            Received r = receive(c);
            assertThat(r.from()).isEqualTo(addresses.get(SocketRole.AP));
            StunMessage m = r.message();
            assertThat(m.isClassic()).isTrue();
            assertThat(m.get(Attribute.MappedAddress.class).orElseThrow().address()).isEqualTo(c.getLocalSocketAddress());
            assertThat(m.get(Attribute.ChangedAddress.class).orElseThrow().address()).isEqualTo(addresses.get(SocketRole.AA));
        }
    }

    @Test
    void theGrantedReceiveBufferIsReported() {
        // 4 MiB requested; the kernel grants at most net.core.rmem_max, and never nothing.
        assertThat(server.receiveBuffer()).isPositive().isLessThanOrEqualTo(ServerConfig.DEFAULT_RECEIVE_BUFFER);
        if (readRmemMax() >= ServerConfig.DEFAULT_RECEIVE_BUFFER) {
            assertThat(server.receiveBuffer()).isEqualTo(ServerConfig.DEFAULT_RECEIVE_BUFFER);
        }
    }

    static long readRmemMax() {
        try {
            return Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/core/rmem_max")).strip());
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
    }

    @Test
    void selfCheckPassesWhenTheAdvertisedAddressesAreRight() throws Exception {
        assertThat(server.selfCheck()).isEmpty();
    }

    @Test
    void selfCheckNamesAWrongAdvertisedAddress() throws Exception {
        ServerConfig base = server.config();
        ServerConfig wrong = new ServerConfig(List.of(new ServerConfig.Family(LO1, LO2, null,
                BindingHandlerTest.ip("127.0.0.3"))), base.port(), base.altPort(), base.handler(), null, null, false, true,
                1, base.receiveBufferBytes());
        List<String> problems = new SelfCheck(150, 2).run(wrong);
        assertThat(problems).hasSize(2); // AP and AA
        assertThat(problems.get(0)).contains("socket AP", "127.0.0.3:" + base.port(), "--advertise-alternate",
                "1:1 to 127.0.0.2", "--no-self-check");
    }

    @Test
    void selfCheckSpotsSwappedAdvertisedAddresses() throws Exception {
        try (ProbeServer swapped = LoopbackServer.start((p, a) -> new ServerConfig(
                List.of(new ServerConfig.Family(LO1, LO2, LO2, LO1)), p, a, HandlerOptions.DEFAULT, null, null, false,
                true, 1, 1 << 20))) {
            List<String> problems = swapped.selfCheck();
            assertThat(problems).hasSize(4);
            assertThat(problems).allMatch(p -> p.contains("look swapped"));
            assertThat(problems.get(0)).contains("advertised for socket PP", "arrived at socket AP");
        }
    }

    @Test
    void theBudgetLimitsRepliesPerSource() throws Exception {
        try (ProbeServer limited = LoopbackServer.start((p, a) -> LoopbackServer.twoAddresses(p, a,
                new RateBudget.Limits(0.001, 3, 0.001, 1)));
                DatagramSocket c = client()) {
            InetSocketAddress pp = limited.config().families().get(0).bound(limited.config().port(),
                    limited.config().altPort()).get(SocketRole.PP);
            for (int i = 0; i < 6; i++) {
                send(c, StunCodec.encodeWithFingerprint(StunMessage.bindingRequest()), pp);
            }
            assertThat(awaitCount(() -> limited.metrics().dropCount(DropReason.BUDGET), 3)).isEqualTo(3);
            // Counters move after the datagram left: wait for them rather than race the server's thread.
            assertThat(awaitCount(() -> limited.metrics().replyCount(0, SocketRole.PP, Outcome.ReplyKind.SUCCESS), 3))
                    .isEqualTo(3);
        }
    }

    @Test
    void ipv6SingleAddressModeOnLoopback() throws Exception {
        java.net.InetAddress v6 = BindingHandlerTest.ip("::1");
        try (ProbeServer single = LoopbackServer.start((p, a) -> new ServerConfig(
                List.of(new ServerConfig.Family(v6, null, null, null)), p, a, HandlerOptions.DEFAULT, null, null, false,
                true, 1, 1 << 20));
                DatagramSocket c = new DatagramSocket(new InetSocketAddress(v6, 0))) {
            c.setSoTimeout(3000);
            InetSocketAddress pp = new InetSocketAddress(v6, single.config().port());
            StunMessage req = StunMessage.bindingRequest();
            send(c, StunCodec.encodeWithFingerprint(req), pp);
            StunMessage m = receive(c).message();
            assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(c.getLocalSocketAddress());
            assertThat(m.has(Attribute.OtherAddress.class)).isFalse();
            send(c, StunCodec.encodeWithFingerprint(StunMessage.bindingRequest(new Attribute.ChangeRequest(true, true))), pp);
            assertThat(receive(c).message().get(Attribute.ErrorCode.class).orElseThrow().code()).isEqualTo(420);
            assertThat(single.selfCheck()).isEmpty();
        }
    }

    @Test
    void ipv4AndIpv6FamiliesTogether() throws Exception {
        java.net.InetAddress v6 = BindingHandlerTest.ip("::1");
        try (ProbeServer both = LoopbackServer.start((p, a) -> new ServerConfig(
                List.of(new ServerConfig.Family(LO1, LO2, null, null), new ServerConfig.Family(v6, null, null, null)),
                p, a, HandlerOptions.DEFAULT, null, null, false, true, 1, 1 << 20));
                DatagramSocket c4 = client();
                DatagramSocket c6 = new DatagramSocket(new InetSocketAddress(v6, 0))) {
            c6.setSoTimeout(3000);
            int port = both.config().port();
            send(c4, StunCodec.encodeWithFingerprint(StunMessage.bindingRequest(new Attribute.ChangeRequest(true, true))),
                    new InetSocketAddress(LO1, port));
            assertThat(receive(c4).from()).isEqualTo(new InetSocketAddress(LO2, port + 1));
            send(c6, StunCodec.encodeWithFingerprint(StunMessage.bindingRequest()), new InetSocketAddress(v6, port));
            StunMessage m = receive(c6).message();
            assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(c6.getLocalSocketAddress());
            assertThat(m.has(Attribute.OtherAddress.class)).isFalse();
            assertThat(awaitCount(() -> both.metrics().replyCount(1, SocketRole.PP, Outcome.ReplyKind.SUCCESS), 1)).isEqualTo(1);
            assertThat(awaitCount(() -> both.metrics().replyCount(0, SocketRole.AA, Outcome.ReplyKind.SUCCESS), 1))
                    .isEqualTo(1);
            assertThat(both.selfCheck()).isEmpty();
        }
    }
}
