package io.natprobe.server;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.TransactionId;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The hot path for the request that makes up nearly all traffic: an RFC 8489 Binding request with
 * no attributes, or with only FINGERPRINT. Its success response has a fixed layout per arrival
 * socket, so it is built from a template (encoded once by {@link StunCodec}) by patching in the
 * transaction id, the two mapped addresses and the FINGERPRINT: no decode, no attribute objects.
 * {@code BindingHandlerTest} checks that it produces the very bytes the general path does.
 */
final class FastReply {
    private static final int FINGERPRINT_XOR = 0x5354554E;

    private final Map<SocketRole, byte[]> templates = new EnumMap<>(SocketRole.class);
    private final boolean ipv4;
    private final int addressValueLength;

    FastReply(AdvertisedAddresses addresses, HandlerOptions options) {
        InetAddress family = addresses.get(SocketRole.PP).getAddress();
        this.ipv4 = family instanceof Inet4Address;
        this.addressValueLength = ipv4 ? 8 : 20;
        InetSocketAddress dummy = new InetSocketAddress(family, 1);
        for (SocketRole role : addresses.roles()) {
            List<Attribute> attributes = new ArrayList<>();
            attributes.add(new Attribute.XorMappedAddress(dummy));
            attributes.add(new Attribute.MappedAddress(dummy));
            attributes.add(new Attribute.ResponseOrigin(addresses.get(role)));
            if (addresses.twoAddresses()) {
                attributes.add(new Attribute.OtherAddress(addresses.get(role.other())));
            }
            if (options.software() != null) {
                attributes.add(new Attribute.Software(options.software()));
            }
            templates.put(role, StunCodec.encodeWithFingerprint(
                    new StunMessage(MessageType.BINDING_SUCCESS, TransactionId.of(new byte[12]), attributes)));
        }
    }

    /**
     * True when {@code d[off..off+len)} is a plain RFC 8489 Binding request: type 0x0001, the magic
     * cookie, and no attribute or only a valid FINGERPRINT. (A wrong FINGERPRINT is left to the
     * general path, which drops and counts it.)
     */
    static boolean isPlainBindingRequest(byte[] d, int off, int len) {
        if ((len != 20 && len != 28) || d[off] != 0 || d[off + 1] != 1 || d[off + 2] != 0 || (d[off + 3] & 0xFF) != len - 20
                || d[off + 4] != 0x21 || d[off + 5] != 0x12 || (d[off + 6] & 0xFF) != 0xA4 || d[off + 7] != 0x42) {
            return false;
        }
        if (len == 20) {
            return true;
        }
        if (d[off + 20] != (byte) 0x80 || d[off + 21] != 0x28 || d[off + 22] != 0 || d[off + 23] != 4) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(d, off, 20);
        return ((int) crc.getValue() ^ FINGERPRINT_XOR) == int32(d, off + 24);
    }

    /** The reply bytes, or null when the source is of the other family (the general path handles it). */
    byte[] build(byte[] d, int off, InetSocketAddress source, SocketRole arrival) {
        InetAddress address = source.getAddress();
        if ((address instanceof Inet4Address) != ipv4) {
            return null;
        }
        byte[] out = templates.get(arrival).clone();
        System.arraycopy(d, off + 4, out, 4, 16); // cookie (same) and transaction id
        byte[] ip = address.getAddress();
        int port = source.getPort();
        // XOR-MAPPED-ADDRESS value at 24: reserved, family, port ^ 0x2112, address ^ (cookie . transaction id)
        int xma = 24;
        out[xma + 2] = (byte) ((port >> 8) ^ 0x21);
        out[xma + 3] = (byte) (port ^ 0x12);
        for (int i = 0; i < ip.length; i++) {
            out[xma + 4 + i] = (byte) (ip[i] ^ out[4 + i]);
        }
        // MAPPED-ADDRESS value right after it
        int ma = xma + addressValueLength + 4;
        out[ma + 2] = (byte) (port >> 8);
        out[ma + 3] = (byte) port;
        System.arraycopy(ip, 0, out, ma + 4, ip.length);
        int fp = out.length - 4;
        CRC32 crc = new CRC32();
        crc.update(out, 0, out.length - 8);
        int v = (int) crc.getValue() ^ FINGERPRINT_XOR;
        out[fp] = (byte) (v >>> 24);
        out[fp + 1] = (byte) (v >>> 16);
        out[fp + 2] = (byte) (v >>> 8);
        out[fp + 3] = (byte) v;
        return out;
    }

    private static int int32(byte[] d, int at) {
        return (d[at] & 0xFF) << 24 | (d[at + 1] & 0xFF) << 16 | (d[at + 2] & 0xFF) << 8 | (d[at + 3] & 0xFF);
    }
}
