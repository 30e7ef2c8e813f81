package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The template fast path must give exactly the bytes of the general path. */
class FastReplyTest {
    static Stream<Arguments> cases() {
        AdvertisedAddresses v6 = AdvertisedAddresses.of(BindingHandlerTest.ip("2001:db8::1"),
                BindingHandlerTest.ip("2001:db8::2"), 3478, 3479);
        InetSocketAddress v4src = BindingHandlerTest.CLIENT;
        InetSocketAddress v6src = new InetSocketAddress(BindingHandlerTest.ip("2001:db8::77"), 65535);
        List<Arguments> out = new ArrayList<>();
        for (SocketRole role : SocketRole.values()) {
            for (boolean fingerprint : new boolean[] {false, true}) {
                for (HandlerOptions o : List.of(HandlerOptions.DEFAULT, new HandlerOptions("natprobe 0.1", true))) {
                    out.add(Arguments.of(BindingHandlerTest.TWO, role, v4src, fingerprint, o));
                    out.add(Arguments.of(v6, role, v6src, fingerprint, o));
                }
            }
        }
        out.add(Arguments.of(BindingHandlerTest.ONE, SocketRole.PP, v4src, true, HandlerOptions.DEFAULT));
        // A source of the other family falls back to the general path (same bytes, of course).
        out.add(Arguments.of(BindingHandlerTest.TWO, SocketRole.PP, v6src, true, HandlerOptions.DEFAULT));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fastPathEqualsGeneralPath(AdvertisedAddresses addresses, SocketRole role, InetSocketAddress source,
            boolean fingerprint, HandlerOptions options) {
        StunMessage req = StunMessage.bindingRequest();
        byte[] bytes = fingerprint ? StunCodec.encodeWithFingerprint(req) : StunCodec.encode(req);
        assertThat(FastReply.isPlainBindingRequest(bytes, 0, bytes.length)).isTrue();
        Outcome fast = new BindingHandler(addresses, options, null, true).handle(bytes, 0, bytes.length, source, role,
                ReplyBudget.UNLIMITED);
        Outcome slow = new BindingHandler(addresses, options, null, false).handle(bytes, 0, bytes.length, source, role,
                ReplyBudget.UNLIMITED);
        assertThat(((Outcome.Reply) fast).bytes()).isEqualTo(((Outcome.Reply) slow).bytes());
        assertThat(((Outcome.Reply) fast).to()).isEqualTo(source);
    }

    @ParameterizedTest
    @MethodSource("notPlain")
    void onlyPlainRequestsTakeTheFastPath(byte[] bytes) {
        assertThat(FastReply.isPlainBindingRequest(bytes, 0, bytes.length)).isFalse();
    }

    static Stream<byte[]> notPlain() {
        byte[] badFp = StunCodec.encodeWithFingerprint(StunMessage.bindingRequest());
        badFp[27] ^= 1;
        byte[] indication = StunCodec.encode(new StunMessage(io.natprobe.stun.MessageType.BINDING_INDICATION,
                io.natprobe.stun.TransactionId.random(), List.of()));
        return Stream.of(badFp, indication, BindingHandlerTest.classic(),
                StunCodec.encode(StunMessage.bindingRequest(new io.natprobe.stun.Attribute.ChangeRequest(false, false))),
                new byte[20], new byte[28]);
    }
}
