package io.natprobe.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.rendezvous.RendezvousMessage.*;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RendezvousCodecTest {
    static final SessionCode CODE = SessionCode.parse("4817-orbit-lantern");
    static final Credentials KEY = RendezvousKeys.credentials(CODE);
    static final Instant T = Instant.parse("2026-11-25T15:00:00.123456Z");
    static final InetSocketAddress PUB = new InetSocketAddress("203.0.113.10", 40000);
    static final InetSocketAddress LAN = new InetSocketAddress("10.0.1.10", 40000);
    static final InetSocketAddress V6 = new InetSocketAddress("2001:db8::5", 41000);

    static Stream<RendezvousMessage> messages() {
        byte[] ctl = "{\"op\":\"send-to-me\"}".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                new CreateResponse(CODE, Duration.ofMinutes(10)),
                new RegisterRequest(4817, List.of(LAN, V6), 1, 0, T),
                new RegisterResponse(4817, Role.B, PUB, new PeerInfo(PUB, List.of(LAN)), T),
                new RegisterResponse(4817, Role.A, PUB, null, T),
                new PeerUpdate(4817, Role.A, PUB, new PeerInfo(V6, List.of()), T),
                new SendRequest(4817, 7, ctl, T),
                new SendResponse(4817, T),
                new Deliver(4817, Role.A, 7, ctl, T, T.plusMillis(5)),
                new LeaveRequest(4817),
                new LeaveResponse(4817));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTripsAuthenticated(RendezvousMessage m) throws StunParseException {
        byte[] wire = RendezvousCodec.encode(TransactionId.random(), m, KEY);
        StunMessage stun = StunCodec.decode(wire);
        assertThat(RendezvousCodec.isRendezvous(stun.method())).isTrue();
        assertThat(RendezvousCodec.decode(stun)).isEqualTo(m);
        assertThat(StunIntegrity.checkIntegrity(wire, KEY)).isEqualTo(StunIntegrity.Verdict.VALID);
        assertThat(StunIntegrity.checkIntegrity(wire, RendezvousKeys.credentials(SessionCode.parse("4817-orbit-lemon"))))
                .isEqualTo(StunIntegrity.Verdict.INVALID);
        assertThat(StunIntegrity.checkFingerprint(wire)).isEqualTo(StunIntegrity.Verdict.VALID);
    }

    @Test
    void addressesAreObfuscatedOnTheWire() {
        byte[] wire = RendezvousCodec.encode(TransactionId.random(), new RegisterRequest(1, List.of(LAN), 1, 0, T), KEY);
        // 10.0.1.10 must not appear in clear (NAT ALGs rewrite addresses they recognise).
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain(new String(new byte[] {10, 0, 1, 10},
                StandardCharsets.ISO_8859_1));
    }

    @Test
    void oversizedControlIsRefusedOnBothSides() {
        assertThatThrownBy(() -> RendezvousCodec.encode(TransactionId.random(),
                new SendRequest(1, 1, new byte[RendezvousCodec.MAX_CONTROL + 1], T), KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1000");
    }

    @Test
    void missingNameplateIsAParseError() throws Exception {
        byte[] wire = StunCodec.encode(StunMessage.of(new io.natprobe.stun.MessageType(RendezvousCodec.REGISTER,
                io.natprobe.stun.StunClass.REQUEST), TransactionId.random()));
        assertThatThrownBy(() -> RendezvousCodec.decode(StunCodec.decode(wire)))
                .isInstanceOf(StunParseException.class).hasMessageContaining("NAMEPLATE").hasMessageContaining("missing");
    }
}
