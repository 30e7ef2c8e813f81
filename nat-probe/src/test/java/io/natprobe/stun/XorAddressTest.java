package io.natprobe.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class XorAddressTest {
    static final TransactionId ID = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");

    @Test
    void matchesTheRfc5769XorMappedAddressValues() throws StunParseException {
        // RFC 5769 §2.2 and §2.3: the XOR-MAPPED-ADDRESS values of the sample responses.
        byte[] v4 = HexFormat.of().parseHex("0001a147e112a643");
        byte[] v6 = HexFormat.of().parseHex("0002a1470113a9faa5d3f179bc25f4b5bed2b9d9");
        InetSocketAddress a4 = new InetSocketAddress("192.0.2.1", 32853);
        InetSocketAddress a6 = new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853);
        assertThat(XorAddress.encode(a4, ID)).isEqualTo(v4);
        assertThat(XorAddress.encode(a6, ID)).isEqualTo(v6);
        assertThat(XorAddress.decode(v4, ID, "X")).isEqualTo(a4);
        assertThat(XorAddress.decode(v6, ID, "X")).isEqualTo(a6);
    }

    @Test
    void badValuesGetTheCodecsMessages() {
        assertThatThrownBy(() -> XorAddress.decode(new byte[] {0, 1, 0, 0}, ID, "PEER-ADDRESS"))
                .isInstanceOf(StunParseException.class)
                .hasMessage("PEER-ADDRESS at byte 0: value is 4 bytes (expected: 8 for IPv4)");
        assertThatThrownBy(() -> XorAddress.decode(new byte[8], ID, "PEER-ADDRESS"))
                .hasMessage("PEER-ADDRESS at byte 0: unknown address family 0x00 (expected: 0x01 IPv4 or 0x02 IPv6)");
    }
}
