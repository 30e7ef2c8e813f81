package io.natprobe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.sim.FakeClock;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transaction layer with a fake clock: RFC 8489 §6.2.1 schedule, matching, strays. */
class StunClientTest {

    static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 3478);

    final FakeClock clock = new FakeClock();
    final StunClient client = new StunClient(RetransmissionPolicy.FAST);

    Exchange exchange(StunMessage m) {
        return new Exchange("t", 0, LOCAL, SERVER, m, clock.instant());
    }

    @Test
    void policyMatchesRfc8489Example() {
        // RFC 8489 §6.2.1: RTO 500 ms, Rc 7, Rm 16: sends at 0, 500, 1500, 3500, 7500, 15500, 31500; fail at 39500.
        RetransmissionPolicy p = RetransmissionPolicy.RFC8489;
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(i -> p.sendOffset(i).toMillis()))
                .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(p.timeout()).isEqualTo(Duration.ofMillis(39500));
        assertThat(RetransmissionPolicy.FAST.timeout()).isEqualTo(Duration.ofMillis(825));
        assertThatThrownBy(() -> new RetransmissionPolicy(Duration.ZERO, 4, 4)).hasMessageContaining("rto");
        assertThatThrownBy(() -> new RetransmissionPolicy(Duration.ofMillis(1), 0, 4)).hasMessageContaining("rc");
    }

    @Test
    void retransmitsOnScheduleThenTimesOut() {
        client.start(exchange(StunMessage.bindingRequest()));
        List<Outcome> outcomes = new ArrayList<>();
        List<Long> sendTimes = new ArrayList<>();
        sendTimes.add(0L);
        Instant start = clock.instant();
        for (int ms = 1; ms <= 1000; ms++) {
            clock.advance(Duration.ofMillis(1));
            for (var o : client.poll(clock.instant(), outcomes)) {
                assertThat(o.to()).isEqualTo(SERVER);
                sendTimes.add(Duration.between(start, clock.instant()).toMillis());
            }
            if (!outcomes.isEmpty()) break;
        }
        assertThat(sendTimes).containsExactly(0L, 75L, 225L, 525L);
        assertThat(outcomes).singleElement().isInstanceOf(Outcome.TimedOut.class);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(825));
        assertThat(client.records()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("timeout");
            assertThat(r.sends()).isEqualTo(4);
        });
        assertThat(client.running()).isZero();
    }

    @Test
    void matchesByTransactionIdAndCountsStrays() {
        StunMessage req = StunMessage.bindingRequest();
        client.start(exchange(req));
        StunMessage other = StunMessage.of(MessageType.BINDING_SUCCESS, StunMessage.bindingRequest().transactionId(),
                new Attribute.XorMappedAddress(LOCAL));
        assertThat(client.onDatagram(0, LOCAL, SERVER, StunCodec.encode(other), clock.instant())).isEmpty();
        assertThat(client.onDatagram(0, LOCAL, SERVER, new byte[] {1, 2, 3}, clock.instant())).isEmpty();
        // Well framed, but XOR-MAPPED-ADDRESS has a 4-byte value (expected: 8 or 20): decodes to an error.
        byte[] broken = new byte[28];
        java.nio.ByteBuffer.wrap(broken).putShort((short) 0x0101).putShort((short) 8).putInt(StunCodec.MAGIC_COOKIE)
                .put(req.transactionId().toBytes()).putShort((short) 0x0020).putShort((short) 4).putInt(0x00010000);
        assertThat(client.onDatagram(0, LOCAL, SERVER, broken, clock.instant())).isEmpty();
        assertThat(client.strays()).isEqualTo(2);
        assertThat(client.malformed()).isEqualTo(1);
        assertThat(client.running()).isEqualTo(1);

        clock.advance(Duration.ofMillis(30));
        StunMessage ok = StunMessage.of(MessageType.BINDING_SUCCESS, req.transactionId(), new Attribute.XorMappedAddress(LOCAL));
        var outcome = client.onDatagram(2, LOCAL, SERVER, StunCodec.encode(ok), clock.instant());
        assertThat(outcome).get().isInstanceOfSatisfying(Outcome.Answered.class, a -> {
            assertThat(a.receivedOn()).isEqualTo(2);
            assertThat(a.message()).isEqualTo(ok);
        });
        assertThat(client.records()).singleElement().satisfies(r -> {
            assertThat(r.rttMs()).isEqualTo(30L);
            assertThat(r.mappedAddress()).isEqualTo("127.0.0.1:40000");
        });
        // A late duplicate of the answer is a stray, not a second outcome.
        assertThat(client.onDatagram(0, LOCAL, SERVER, StunCodec.encode(ok), clock.instant())).isEmpty();
        assertThat(client.strays()).isEqualTo(3);
        assertThat(client.nextWake()).isEmpty();
    }

    @Test
    void icmpIsRememberedOnTheTimeout() {
        client.start(exchange(StunMessage.bindingRequest()));
        client.onUnreachable(0);
        List<Outcome> outcomes = new ArrayList<>();
        clock.advance(Duration.ofSeconds(1));
        client.poll(clock.instant(), outcomes);
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.TimedOut.class,
                t -> assertThat(t.portUnreachable()).isTrue());
        assertThat(client.records().get(0).outcome()).isEqualTo("timeout (icmp port unreachable)");
    }

    @Test
    void aTransactionIdCannotRunTwice() {
        StunMessage req = StunMessage.bindingRequest();
        client.start(exchange(req));
        assertThatThrownBy(() -> client.start(exchange(req))).hasMessageContaining("already running");
    }
}
