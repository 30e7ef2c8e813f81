package io.natprobe.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.stun.StunVectors;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

public class FrameHintTest {
    public static final String STUN = StunVectors.RFC5769_IPV4_RESPONSE; // 80 bytes
    public static final String UDP = "0d96" + "c001" + "0058" + "0000";  // 3478 -> 49153, length 88
    public static final String IPV4 = "45000074" + "00004000" + "40110000" + "cb007101" + "c0a80002"; // protocol 17, total 116
    public static final String ETHERNET = "020000000001" + "020000000002" + "0800";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void findsStunInsideEthernetIpv4Udp() {
        assertThat(FrameHint.find(hex(ETHERNET + IPV4 + UDP + STUN)))
                .contains(new FrameHint.Payload(42, 80, "Ethernet/IPv4/UDP"));
    }

    @Test
    void findsStunInsideVlanTaggedFrameWithEthernetPadding() {
        String vlan = "020000000001" + "020000000002" + "8100" + "0064" + "0800";
        assertThat(FrameHint.find(hex(vlan + IPV4 + UDP + STUN + "0000")))
                .contains(new FrameHint.Payload(46, 80, "Ethernet/IPv4/UDP"));
    }

    @Test
    void findsStunInsideRawIpv6Udp() {
        String ipv6 = "60000000" + "0058" + "11" + "40" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
        assertThat(FrameHint.find(hex(ipv6 + UDP + STUN))).contains(new FrameHint.Payload(48, 80, "IPv6/UDP"));
    }

    @Test
    void nothingForTcpOrGarbageOrTruncatedFrames() {
        assertThat(FrameHint.find(hex(ETHERNET + IPV4.replace("40110000", "40060000") + UDP + STUN))).isEmpty();
        assertThat(FrameHint.find(hex(ETHERNET + IPV4 + UDP + STUN.substring(0, 100)))).isEmpty();
        assertThat(FrameHint.find(hex(ETHERNET + IPV4 + UDP))).isEmpty();
        assertThat(FrameHint.find(hex(ETHERNET))).isEmpty();
        assertThat(FrameHint.find(new byte[0])).isEmpty();
        assertThat(FrameHint.find(hex("4f"))).isEmpty();
    }
}
