package io.natprobe.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.sim.FakeClock;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer that arrived while the process was stalled past the transaction's deadline is an answer,
 * not a timeout (a risk in the lab: many classifications at once on 2 cores delay the reading of
 * answers, and a timeout there would turn a working path into "filtered").
 */
class PlanRunnerStallTest {

    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478);
    static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    /** A network whose answer is queued at once, but whose first wait stalls the clock past every deadline. */
    static final class StallingNetwork implements Network {
        final FakeClock clock;
        final List<Inbound> queued = new ArrayList<>();
        boolean stalled;

        StallingNetwork(FakeClock clock) {
            this.clock = clock;
        }

        @Override
        public InetSocketAddress open(int socket, InetSocketAddress peer) {
            return LOCAL;
        }

        @Override
        public List<Inbound> send(int socket, InetSocketAddress to, byte[] datagram) {
            StunMessage request;
            try {
                request = StunCodec.decode(datagram);
            } catch (io.natprobe.stun.StunParseException e) {
                throw new IllegalStateException("the runner sent something that is not STUN", e);
            }
            StunMessage answer = new StunMessage(MessageType.BINDING_SUCCESS, request.transactionId(),
                    List.of(new Attribute.XorMappedAddress(LOCAL)));
            queued.add(new Datagram(socket, SERVER, StunCodec.encode(answer)));
            return List.of();
        }

        @Override
        public List<Inbound> receive(Instant until) {
            if (!stalled && until.isAfter(clock.instant())) {
                // The process is descheduled for 10 s before it gets to read its socket.
                stalled = true;
                clock.advance(Duration.ofSeconds(10));
                return List.of();
            }
            List<Inbound> out = List.copyOf(queued);
            queued.clear();
            return out;
        }

        @Override
        public void closeSocket(int socket) {}

        @Override
        public void close() {}
    }

    /** One Binding request; the result is its outcome. */
    static final class OneRequest implements Plan<Outcome> {
        boolean sent;
        Outcome outcome;

        @Override
        public Action<Outcome> next(Instant now) {
            if (!sent) {
                sent = true;
                return new Action.Send<>("only", 0, SERVER, StunMessage.bindingRequest());
            }
            return outcome != null ? new Action.Done<>(outcome) : new Action.WaitUntil<>(Instant.MAX);
        }

        @Override
        public void observe(Outcome o) {
            outcome = o;
        }
    }

    @Test
    void anAnswerWaitingInTheSocketAfterAStallIsNotATimeout() throws Exception {
        FakeClock clock = new FakeClock();
        StallingNetwork net = new StallingNetwork(clock);
        Outcome o = new PlanRunner(net, clock, RetransmissionPolicy.FAST).run(new OneRequest());
        assertThat(net.stalled).isTrue();
        assertThat(o).isInstanceOf(Outcome.Answered.class);
    }
}
