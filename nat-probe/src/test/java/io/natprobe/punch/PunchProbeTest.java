package io.natprobe.punch;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PunchProbeTest {
    static final Credentials KEY = RendezvousKeys.credentials(SessionCode.parse("4817-orbit-lantern"));
    static final InetSocketAddress SEEN = new InetSocketAddress("203.0.113.10", 19272);

    @Test
    void requestAndAnswerRoundTrip() {
        PunchProbe req = PunchProbe.request(Role.A, 3, PunchProbe.Kind.PUNCH);
        byte[] wire = req.encode(TransactionId.random(), KEY);
        assertThat(PunchProbe.decode(wire, wire.length, KEY)).contains(req);
        PunchProbe ans = req.answer(Role.B, SEEN);
        byte[] wire2 = ans.encode(TransactionId.random(), KEY);
        assertThat(PunchProbe.decode(wire2, wire2.length, KEY)).contains(ans);
        assertThat(ans.summary()).isEqualTo("punch #3 answer from B (saw 203.0.113.10:19272)");
        assertThat(req.summary()).isEqualTo("punch #3 from A");
    }

    @Test
    void otherSessionsStraysAndPlainStunAreIgnored() {
        byte[] wire = PunchProbe.request(Role.A, 1, PunchProbe.Kind.KEEPALIVE).encode(TransactionId.random(), KEY);
        Credentials other = RendezvousKeys.credentials(SessionCode.parse("4817-orbit-lemon"));
        assertThat(PunchProbe.decode(wire, wire.length, other)).isEmpty();
        byte[] plain = StunCodec.encodeWithFingerprint(StunMessage.bindingRequest());
        assertThat(PunchProbe.decode(plain, plain.length, KEY)).isEmpty();
        assertThat(PunchProbe.decode(new byte[] {1, 2, 3}, 3, KEY)).isEmpty();
        // A datagram read into a larger buffer decodes by its length.
        byte[] big = Arrays.copyOf(wire, 1500);
        assertThat(PunchProbe.decode(big, wire.length, KEY)).isPresent();
    }
}
