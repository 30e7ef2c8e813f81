package io.natprobe.rendezvous;

import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Addresses in rendezvous attributes use XOR-MAPPED-ADDRESS's obfuscated form (RFC 8489 §14.2), so
 * that NAT application-level gateways that rewrite addresses they recognise in payloads leave them alone.
 */
final class AddressValue {
    private static final int COOKIE = 0x2112A442;

    private AddressValue() {}

    static byte[] encode(InetSocketAddress a, TransactionId id) {
        byte[] ip = a.getAddress().getAddress();
        byte[] key = key(id);
        ByteBuffer b = ByteBuffer.allocate(4 + ip.length);
        b.put((byte) 0).put((byte) (a.getAddress() instanceof Inet4Address ? 1 : 2));
        b.putShort((short) (a.getPort() ^ 0x2112));
        for (int i = 0; i < ip.length; i++) {
            b.put((byte) (ip[i] ^ key[i]));
        }
        return b.array();
    }

    static InetSocketAddress decode(byte[] v, TransactionId id, String name) throws StunParseException {
        if (v.length != 8 && v.length != 20) {
            throw new StunParseException(name, 0, "value is " + v.length + " bytes (expected: 8 or 20)");
        }
        int family = v[1];
        if ((family == 1 && v.length != 8) || (family == 2 && v.length != 20) || (family != 1 && family != 2)) {
            throw new StunParseException(name, 0, "family " + family + " does not match " + v.length + " bytes");
        }
        byte[] key = key(id);
        byte[] ip = new byte[v.length - 4];
        for (int i = 0; i < ip.length; i++) {
            ip[i] = (byte) (v[4 + i] ^ key[i]);
        }
        int port = (((v[2] & 0xFF) << 8) | (v[3] & 0xFF)) ^ 0x2112;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] key(TransactionId id) {
        return ByteBuffer.allocate(16).putInt(COOKIE).put(id.toBytes(), 0, Math.min(12, id.length())).array();
    }
}
