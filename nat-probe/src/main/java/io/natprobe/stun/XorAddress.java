package io.natprobe.stun;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * The XOR-MAPPED-ADDRESS value encoding (RFC 8489 §14.2) on its own, for attributes of layers above
 * the codec that carry addresses the same way (natprobe's rendezvous): port XOR 0x2112, address XOR
 * magic cookie and transaction id. Same checks and messages as the codec's own address attributes.
 */
public final class XorAddress {
    private XorAddress() {}

    /** The 8-byte (IPv4) or 20-byte (IPv6) value for {@code address} in a message with transaction {@code id}. */
    public static byte[] encode(InetSocketAddress address, TransactionId id) {
        byte[] out = new byte[address.getAddress() instanceof Inet6Address ? 20 : 8];
        AttributeCodec.writeAddress(address, out, 0, key(id), 0);
        return out;
    }

    /** Reads such a value; {@code name} is the attribute named in errors. */
    public static InetSocketAddress decode(byte[] value, TransactionId id, String name) throws StunParseException {
        return AttributeCodec.address(name, value, 0, value.length, 0, key(id), 0);
    }

    /** Magic cookie then the 96-bit id, or the 128-bit id of a classic message: the header bytes 4..19. */
    private static byte[] key(TransactionId id) {
        byte[] k = new byte[16];
        if (id.isClassic()) {
            id.copyTo(k, 0);
        } else {
            AttributeCodec.putInt32(k, 0, StunCodec.MAGIC_COOKIE);
            id.copyTo(k, 4);
        }
        return k;
    }
}
