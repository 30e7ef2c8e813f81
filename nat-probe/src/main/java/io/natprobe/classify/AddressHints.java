package io.natprobe.classify;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.apache.commons.net.util.SubnetUtils;

/** Address-range facts behind the CGNAT and double-NAT hints (RFC 6598 shared space, RFC 1918 private). */
public final class AddressHints {

    private static final SubnetUtils.SubnetInfo SHARED = inclusive("100.64.0.0/10");
    private static final List<SubnetUtils.SubnetInfo> PRIVATE = List.of(
            inclusive("10.0.0.0/8"), inclusive("172.16.0.0/12"), inclusive("192.168.0.0/16"));

    private AddressHints() {}

    private static SubnetUtils.SubnetInfo inclusive(String cidr) {
        SubnetUtils s = new SubnetUtils(cidr);
        s.setInclusiveHostCount(true);
        return s.getInfo();
    }

    /** RFC 6598: 100.64.0.0/10, the carrier-grade NAT shared address space. */
    public static boolean isShared(InetAddress a) {
        return a instanceof Inet4Address && SHARED.isInRange(a.getHostAddress());
    }

    /** RFC 1918 private IPv4, or IPv6 unique-local (fc00::/7). */
    public static boolean isPrivate(InetAddress a) {
        if (a instanceof Inet4Address) {
            String s = a.getHostAddress();
            return PRIVATE.stream().anyMatch(r -> r.isInRange(s));
        }
        byte[] b = a.getAddress();
        return (b[0] & 0xFE) == 0xFC;
    }
}
