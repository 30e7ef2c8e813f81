package io.natprobe.server.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.RendezvousMessage;
import io.natprobe.rendezvous.RendezvousMessage.*;
import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RendezvousServiceTest {
    static final InetSocketAddress A = new InetSocketAddress("203.0.113.10", 40000);
    static final InetSocketAddress B = new InetSocketAddress("203.0.113.11", 50000);
    static final InetSocketAddress EVE = new InetSocketAddress("198.51.100.66", 6666);
    static final InetSocketAddress LAN_A = new InetSocketAddress("10.0.1.10", 40000);

    Instant now = Instant.parse("2026-11-25T15:00:00Z");
    RendezvousService service;
    long seqA;
    long seqB;

    @BeforeEach
    void setUp() {
        service = new RendezvousService(new CodeIssuer(new byte[32], Duration.ofMinutes(10), new Random(1)),
                new RendezvousLimits(100, Duration.ofMinutes(10), Duration.ofHours(2), 4, 4096));
    }

    List<Outgoing> call(InetSocketAddress from, RendezvousMessage m, Credentials key) {
        byte[] raw = RendezvousCodec.encode(TransactionId.random(), m, key);
        try {
            return service.handle(StunCodec.decode(raw), raw, from, now);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static RendezvousMessage decode(Outgoing o) {
        try {
            return RendezvousCodec.decode(StunCodec.decode(o.data()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    SessionCode create() {
        List<Outgoing> out = call(A, new CreateRequest(), null);
        assertThat(out).hasSize(1);
        return ((CreateResponse) decode(out.get(0))).code();
    }

    @Test
    void twoPeersMeetAndLearnEachOther() {
        SessionCode code = create();
        Credentials k = RendezvousKeys.credentials(code);
        List<Outgoing> a = call(A, new RegisterRequest(code.nameplate(), List.of(LAN_A), ++seqA, 0, now), k);
        assertThat(a).hasSize(1);
        RegisterResponse ra = (RegisterResponse) decode(a.get(0));
        assertThat(ra.role()).isEqualTo(Role.A);
        assertThat(ra.mapped()).isEqualTo(A);
        assertThat(ra.peer()).isNull();
        assertThat(StunIntegrity.checkIntegrity(a.get(0).data(), k)).isEqualTo(StunIntegrity.Verdict.VALID);

        List<Outgoing> b = call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, 0, now), k);
        assertThat(b).hasSize(2);
        RegisterResponse rb = (RegisterResponse) decode(b.get(0));
        assertThat(rb.role()).isEqualTo(Role.B);
        assertThat(rb.peer()).isEqualTo(new PeerInfo(A, List.of(LAN_A)));
        // A is told at once, at its registered address.
        assertThat(b.get(1).to()).isEqualTo(A);
        assertThat(((PeerUpdate) decode(b.get(1))).peer().reflexive()).isEqualTo(B);
        assertThat(service.sessionCount()).isEqualTo(1);
    }

    @Test
    void controlMessagesAreRelayedAndRedeliveredUntilAcknowledged() {
        SessionCode code = create();
        Credentials k = RendezvousKeys.credentials(code);
        call(A, new RegisterRequest(code.nameplate(), List.of(), ++seqA, 0, now), k);
        call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, 0, now), k);
        byte[] ctl = "send-to-me".getBytes(StandardCharsets.UTF_8);
        List<Outgoing> out = call(A, new SendRequest(code.nameplate(), ++seqA, ctl, now), k);
        assertThat(out).extracting(Outgoing::to).containsExactly(A, B);
        Deliver d = (Deliver) decode(out.get(1));
        assertThat(d.from()).isEqualTo(Role.A);
        assertThat(d.control()).isEqualTo(ctl);
        // B refreshes without acknowledging: the message comes again; after the ack it does not.
        assertThat(call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, 0, now), k)).hasSize(2);
        assertThat(call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, d.sequence(), now), k)).hasSize(1);
    }

    @Test
    void wrongCodeGets401WithoutStateOrIntegrity() {
        SessionCode code = create();
        SessionCode guess = new SessionCode(code.nameplate(), (code.word1() + 1) % 256, code.word2());
        List<Outgoing> out = call(EVE, new RegisterRequest(code.nameplate(), List.of(), 1, 0, now),
                RendezvousKeys.credentials(guess));
        ErrorResponse e = (ErrorResponse) decode(out.get(0));
        assertThat(e.code()).isEqualTo(401);
        assertThat(StunIntegrity.checkIntegrity(out.get(0).data(), RendezvousKeys.credentials(code)))
                .isEqualTo(StunIntegrity.Verdict.ABSENT);
        assertThat(service.sessionCount()).isZero();
        assertThat(service.stats().authFailures.sum()).isEqualTo(1);
    }

    @Test
    void codesTheServerNeverIssuedAreRefused() {
        SessionCode invented = SessionCode.parse("1234-orbit-lantern");
        List<Outgoing> out = call(A, new RegisterRequest(1234, List.of(), 1, 0, now), RendezvousKeys.credentials(invented));
        assertThat(((ErrorResponse) decode(out.get(0))).code()).isEqualTo(401);
        assertThat(service.sessionCount()).isZero();
    }

    @Test
    void aThirdPeerCannotJoinAndLearnsNothing() {
        SessionCode code = create();
        Credentials k = RendezvousKeys.credentials(code);
        call(A, new RegisterRequest(code.nameplate(), List.of(), ++seqA, 0, now), k);
        call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, 0, now), k);
        List<Outgoing> out = call(EVE, new RegisterRequest(code.nameplate(), List.of(), 1, 0, now), k);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).to()).isEqualTo(EVE);
        assertThat(((ErrorResponse) decode(out.get(0))).code()).isEqualTo(403);
        assertThat(service.stats().thirdPeerRefused.sum()).isEqualTo(1);
    }

    @Test
    void forgedAndReplayedMessagesDoNotRedirectAPeer() {
        SessionCode code = create();
        Credentials k = RendezvousKeys.credentials(code);
        RegisterRequest first = new RegisterRequest(code.nameplate(), List.of(), ++seqA, 0, now);
        byte[] raw = RendezvousCodec.encode(TransactionId.random(), first, k);
        call(A, first, k);
        call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, 0, now), k);
        // A replay of A's own datagram from A: dropped silently (sequence not newer).
        assertThat(service.handle(decodeRaw(raw), raw, A, now)).isEmpty();
        assertThat(service.stats().replaysRefused.sum()).isEqualTo(1);
        // A forged SEND from Eve's address without the key: 401, nothing relayed to B.
        List<Outgoing> forged = call(EVE, new SendRequest(code.nameplate(), 99, new byte[] {1}, now),
                Credentials.ofKey(new byte[32], Credentials.Integrity.SHA256));
        assertThat(forged).extracting(Outgoing::to).containsExactly(EVE);
        // A tampered copy of a valid message (one byte changed) fails integrity.
        byte[] tampered = raw.clone();
        tampered[tampered.length - 50] ^= 1;
        assertThat(service.handle(decodeRaw(tampered), tampered, EVE, now)).extracting(o -> ((ErrorResponse) decode(o)).code())
                .containsExactly(401);
    }

    @Test
    void sessionsExpireAndExpiredCodesNoLongerWork() {
        SessionCode code = create();
        Credentials k = RendezvousKeys.credentials(code);
        call(A, new RegisterRequest(code.nameplate(), List.of(), ++seqA, 0, now), k);
        now = now.plus(Duration.ofMinutes(11));
        service.expire(now);
        assertThat(service.sessionCount()).isZero();
        now = now.plus(Duration.ofMinutes(10)); // two epochs later the code cannot be re-registered either
        assertThat(((ErrorResponse) decode(call(A, new RegisterRequest(code.nameplate(), List.of(), ++seqA, 0, now), k)
                .get(0))).code()).isEqualTo(401);
        assertThat(service.sessionCount()).isZero();
    }

    @Test
    void leavingTellsThePeerAndEmptySessionsGo() {
        SessionCode code = create();
        Credentials k = RendezvousKeys.credentials(code);
        call(A, new RegisterRequest(code.nameplate(), List.of(), ++seqA, 0, now), k);
        call(B, new RegisterRequest(code.nameplate(), List.of(), ++seqB, 0, now), k);
        List<Outgoing> out = call(A, new LeaveRequest(code.nameplate()), k);
        assertThat(out).extracting(Outgoing::to).containsExactly(A, B);
        assertThat(((PeerUpdate) decode(out.get(1))).peer()).isNull();
        call(B, new LeaveRequest(code.nameplate()), k);
        assertThat(service.sessionCount()).isZero();
    }

    @Test
    void floodsFromManySourcesKeepStateBounded() {
        // 100,000 sources: creates (no state beyond one bit per nameplate) and bogus registers (no state).
        for (int i = 0; i < 100_000; i++) {
            InetSocketAddress src = new InetSocketAddress("198.51.100." + (i % 250), 1024 + i % 60000);
            call(src, new CreateRequest(), null);
            call(src, new RegisterRequest(1 + i % 9999, List.of(), 1, 0, now),
                    Credentials.ofKey(new byte[] {(byte) i}, Credentials.Integrity.SHA256));
        }
        assertThat(service.sessionCount()).isZero();
        assertThat(service.stats().busy.sum()).isPositive(); // the nameplate space filled up: refused, not grown
    }

    @Test
    void theSessionLimitHolds() {
        for (int i = 0; i < 150; i++) {
            SessionCode code = create();
            call(new InetSocketAddress("203.0.113.20", 1000 + i), new RegisterRequest(code.nameplate(), List.of(), 1, 0, now),
                    RendezvousKeys.credentials(code));
        }
        assertThat(service.sessionCount()).isEqualTo(100);
    }

    static StunMessage decodeRaw(byte[] raw) {
        try {
            return StunCodec.decode(raw);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
