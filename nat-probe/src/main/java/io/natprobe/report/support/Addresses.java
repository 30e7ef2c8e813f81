package io.natprobe.report.support;

import io.natprobe.log.PacketEventJson;
import io.natprobe.log.PacketLineFormat;
import java.net.InetSocketAddress;

/** Transport addresses as text ("ip:port", "[v6]:port"), parsed without any name lookup. */
final class Addresses {
    private Addresses() {}

    /** An IP and port in canonical text form (RFC 5952 for IPv6). */
    record Endpoint(String ip, int port) {
        @Override
        public String toString() {
            return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
        }
    }

    /** The endpoint in {@code s}, or null when it is not a literal "ip:port". */
    static Endpoint parse(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return of(PacketEventJson.parseAddress(s.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Endpoint of(InetSocketAddress a) {
        if (a == null) return null;
        String text = PacketLineFormat.address(a);
        int colon = text.lastIndexOf(':');
        String ip = text.substring(0, colon);
        if (ip.startsWith("[")) ip = ip.substring(1, ip.length() - 1);
        return new Endpoint(ip, a.getPort());
    }
}
