package io.natprobe.log;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Builds an IPv4 or IPv6 packet carrying one UDP datagram, with correct checksums (RFC 791, 768, 8200). */
final class IpUdpFrame {
    private IpUdpFrame() {}

    static byte[] build(InetSocketAddress src, InetSocketAddress dst, byte[] payload, int id) {
        byte[] s = src.getAddress().getAddress();
        byte[] d = dst.getAddress().getAddress();
        int udpLength = 8 + payload.length;
        boolean v4 = src.getAddress() instanceof Inet4Address;
        int ipHeader = v4 ? 20 : 40;
        ByteBuffer b = ByteBuffer.allocate(ipHeader + udpLength);
        if (v4) {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLength)).putShort((short) id)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) 17).putShort((short) 0).put(s).put(d);
            b.putShort(10, (short) checksum(b.array(), 0, 20, 0));
        } else {
            b.putInt(0x60000000).putShort((short) udpLength).put((byte) 17).put((byte) 64).put(s).put(d);
        }
        int udpAt = ipHeader;
        b.putShort((short) src.getPort()).putShort((short) dst.getPort()).putShort((short) udpLength).putShort((short) 0);
        b.put(payload);
        long pseudo = sum(s) + sum(d) + 17 + udpLength;
        int c = checksum(b.array(), udpAt, udpLength, pseudo);
        b.putShort(udpAt + 6, (short) (c == 0 ? 0xFFFF : c));
        return b.array();
    }

    private static long sum(byte[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i += 2) {
            s += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
        }
        return s;
    }

    /** Internet checksum (RFC 1071) of {@code d[off..off+len)} plus an initial sum. */
    static int checksum(byte[] d, int off, int len, long initial) {
        long s = initial;
        for (int i = 0; i + 1 < len; i += 2) {
            s += ((d[off + i] & 0xFF) << 8) | (d[off + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            s += (d[off + len - 1] & 0xFF) << 8;
        }
        while ((s >> 16) != 0) {
            s = (s & 0xFFFF) + (s >> 16);
        }
        return (int) (~s & 0xFFFF);
    }
}
