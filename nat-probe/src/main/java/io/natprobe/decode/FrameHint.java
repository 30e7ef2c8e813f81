package io.natprobe.decode;

import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunParseException;
import java.util.Optional;

/**
 * Support engineers often copy a whole captured frame instead of the STUN layer. When the bytes are
 * an Ethernet II, IPv4 or IPv6 packet whose UDP payload is a well-formed STUN message, this finds it,
 * so the error can say where the STUN bytes are. Pure; reads only inside the array.
 */
public final class FrameHint {
    /** Where the STUN message sits in the frame, and what wraps it (e.g. "Ethernet/IPv4/UDP"). */
    public record Payload(int offset, int length, String layers) {}

    private FrameHint() {}

    public static Optional<Payload> find(byte[] b) {
        Optional<Payload> ip = ip(b, 0, "");
        if (ip.isPresent()) {
            return ip;
        }
        if (b.length >= 14) {
            int type = u16(b, 12);
            int at = 14;
            if (type == 0x8100 && b.length >= 18) { // one 802.1Q VLAN tag
                type = u16(b, 16);
                at = 18;
            }
            if (type == 0x0800 || type == 0x86DD) {
                return ip(b, at, "Ethernet/");
            }
        }
        return Optional.empty();
    }

    private static Optional<Payload> ip(byte[] b, int at, String outer) {
        if (b.length - at < 20) {
            return Optional.empty();
        }
        int version = (b[at] & 0xF0) >> 4;
        if (version == 4) {
            int ihl = (b[at] & 0x0F) * 4;
            if (ihl >= 20 && (b[at + 9] & 0xFF) == 17) {
                return udp(b, at + ihl, outer + "IPv4/UDP");
            }
        } else if (version == 6 && b.length - at >= 40 && (b[at + 6] & 0xFF) == 17) {
            return udp(b, at + 40, outer + "IPv6/UDP");
        }
        return Optional.empty();
    }

    private static Optional<Payload> udp(byte[] b, int at, String layers) {
        if (b.length - at < 8) {
            return Optional.empty();
        }
        int udpLength = u16(b, at + 4);
        int payload = Math.min(udpLength - 8, b.length - at - 8); // Ethernet may pad short frames
        if (payload < StunCodec.HEADER_LENGTH) {
            return Optional.empty();
        }
        try {
            StunCodec.decode(b, at + 8, payload);
            return Optional.of(new Payload(at + 8, payload, layers));
        } catch (StunParseException e) {
            return Optional.empty();
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
