package io.natprobe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The generator against tiny in-test responders on loopback: one correct, one lying, one silent. */
class LoadGeneratorTest {

    /** Answers every request; {@code mapped} chooses the address it reports. */
    static Thread responder(DatagramSocket s, UnaryOperator<InetSocketAddress> mapped, int answerEvery) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1500];
            int n = 0;
            while (!s.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    if (++n % answerEvery != 0) {
                        continue;
                    }
                    StunMessage req = StunCodec.decode(buf, 0, p.getLength());
                    InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
                    byte[] reply = StunCodec.encodeWithFingerprint(new StunMessage(MessageType.BINDING_SUCCESS,
                            req.transactionId(), java.util.List.of(new Attribute.XorMappedAddress(mapped.apply(from)))));
                    s.send(new DatagramPacket(reply, reply.length, from));
                } catch (Exception e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    static BenchReport run(UnaryOperator<InetSocketAddress> mapped, int answerEvery, double rate) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            responder(s, mapped, answerEvery);
            return new LoadGenerator(new LoadGenerator.Settings((InetSocketAddress) s.getLocalSocketAddress(), 2, 4, 0.5,
                    rate, 200)).run();
        }
    }

    @Test
    void aCorrectServerGivesOnlyValidAnswers() throws Exception {
        BenchReport r = run(a -> a, 1, 0);
        assertThat(r.valid()).isPositive();
        assertThat(r.invalid()).isZero();
        assertThat(r.sent()).isEqualTo(r.valid() + r.lost());
        assertThat(r.p50Micros()).isPositive().isLessThanOrEqualTo(r.p99Micros());
        assertThat(r.schema()).isEqualTo("natprobe.bench/1");
    }

    @Test
    void aWrongMappedAddressIsInvalid() throws Exception {
        BenchReport r = run(a -> new InetSocketAddress(a.getAddress(), a.getPort() ^ 1), 1, 0);
        assertThat(r.valid()).isZero();
        assertThat(r.invalid()).isPositive();
    }

    @Test
    void unansweredRequestsAreLostAndTheWindowIsRefilled() throws Exception {
        BenchReport r = run(a -> a, 2, 0); // every other request unanswered
        assertThat(r.valid()).isPositive();
        assertThat(r.lost()).isPositive();
        assertThat(r.lossPercent()).isBetween(10.0, 90.0);
    }

    @Test
    void openLoopSendsAboutTheRate() throws Exception {
        BenchReport r = run(a -> a, 1, 2000);
        assertThat(r.sent()).isBetween(500L, 1100L); // 0.5 s at 2000/s, paced
        assertThat(r.invalid()).isZero();
    }

    @Test
    void histogramPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * 1000L); // 1..1000 µs
        }
        assertThat(h.percentileMicros(0.5)).isBetween(490.0, 520.0);
        assertThat(h.percentileMicros(0.99)).isBetween(980.0, 1000.0);
        assertThat(h.maxMicros()).isEqualTo(1000.0);
        assertThat(new LatencyHistogram().percentileMicros(0.5)).isZero();
    }

    @Test
    void serverMustBeAnIpAndPort() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchCommand.parse("stun.example.com:3478"))
                .hasMessageContaining("needs an IP address");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchCommand.parse("127.0.0.1"))
                .hasMessageContaining("IP:PORT");
        assertThat(BenchCommand.parse("[::1]:3478").getPort()).isEqualTo(3478);
    }
}
