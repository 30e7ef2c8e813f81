package io.natprobe.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StunCodecSmokeTest {
    @Test
    void rfc5769Ipv4ResponseDecodesAndVerifies() throws Exception {
        byte[] b = HexFormat.of().parseHex("0101003c2112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563"
                + "746f7220002000080001a147e112a643000800142b91f599fd9e90c38c7489f9"
                + "2af9ba53f06be7d780280004c07d4c96");
        StunMessage m = StunCodec.decode(b);
        assertThat(m.type()).isEqualTo(MessageType.BINDING_SUCCESS);
        assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address())
                .isEqualTo(new InetSocketAddress("192.0.2.1", 32853));
        assertThat(StunIntegrity.checkFingerprint(b)).isEqualTo(StunIntegrity.Verdict.VALID);
        assertThat(StunIntegrity.checkIntegrity(b, Credentials.shortTerm("VOkJxbRl1RmTxUk/WvJxBt", Credentials.Integrity.SHA1)))
                .isEqualTo(StunIntegrity.Verdict.VALID);
        byte[] again = StunCodec.encode(new StunMessage(m.type(), m.transactionId(), m.attributes().subList(0, 2)),
                Credentials.shortTerm("VOkJxbRl1RmTxUk/WvJxBt", Credentials.Integrity.SHA1), true);
        StunMessage m2 = StunCodec.decode(again);
        assertThat(m2.attributes().subList(0, 2)).isEqualTo(m.attributes().subList(0, 2));
        assertThat(StunIntegrity.checkFingerprint(again)).isEqualTo(StunIntegrity.Verdict.VALID);
    }
}
