package io.natprobe.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;

/**
 * The transport address each socket role tells clients about (RESPONSE-ORIGIN, OTHER-ADDRESS,
 * SOURCE-ADDRESS, CHANGED-ADDRESS). On a host behind a 1:1 NAT these are the public addresses, not
 * the local ones the sockets are bound to. With no alternate address only {@link SocketRole#PP} exists
 * (RFC 5780 §6 single-address mode).
 */
public final class AdvertisedAddresses {
    private final Map<SocketRole, InetSocketAddress> byRole;
    private final boolean twoAddresses;

    private AdvertisedAddresses(Map<SocketRole, InetSocketAddress> byRole, boolean twoAddresses) {
        this.byRole = byRole;
        this.twoAddresses = twoAddresses;
    }

    /** Four roles: {primary, alternate} x {port, altPort}. {@code alternate} null means single-address mode. */
    public static AdvertisedAddresses of(InetAddress primary, InetAddress alternate, int port, int altPort) {
        checkPort("port", port);
        Map<SocketRole, InetSocketAddress> m = new EnumMap<>(SocketRole.class);
        m.put(SocketRole.PP, new InetSocketAddress(primary, port));
        if (alternate != null) {
            checkPort("alt-port", altPort);
            if (altPort == port) {
                throw new IllegalArgumentException("alt-port must differ from port: both are " + port);
            }
            if (alternate.equals(primary)) {
                throw new IllegalArgumentException("the alternate address must differ from the primary: both are "
                        + primary.getHostAddress());
            }
            if (alternate.getClass() != primary.getClass()) {
                throw new IllegalArgumentException("the primary and alternate addresses must be of one family: "
                        + primary.getHostAddress() + " and " + alternate.getHostAddress());
            }
            m.put(SocketRole.PA, new InetSocketAddress(primary, altPort));
            m.put(SocketRole.AP, new InetSocketAddress(alternate, port));
            m.put(SocketRole.AA, new InetSocketAddress(alternate, altPort));
        }
        return new AdvertisedAddresses(m, alternate != null);
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException(name + " out of range (expected: 1..65535): " + port);
        }
    }

    /** True with an alternate address: all four roles exist and CHANGE-REQUEST can be honoured. */
    public boolean twoAddresses() {
        return twoAddresses;
    }

    /** The address of a role; only PP exists in single-address mode. */
    public InetSocketAddress get(SocketRole role) {
        InetSocketAddress a = byRole.get(role);
        if (a == null) {
            throw new IllegalArgumentException("no socket " + role + " in single-address mode");
        }
        return a;
    }

    public Iterable<SocketRole> roles() {
        return byRole.keySet();
    }
}
