package io.natprobe.path;

import java.net.InetAddress;

/**
 * What one TTL-limited probe toward the server met.
 *
 * @param ttl  the IP time-to-live the probe was sent with (1 = the first router)
 * @param from the router or host that answered (ICMP source, or the server itself); null when silent
 * @param kind what came back
 */
public record Hop(int ttl, InetAddress from, Kind kind) {

    public enum Kind {
        /** ICMP time exceeded (RFC 792 type 11): a router at this distance. */
        TIME_EXCEEDED,
        /** ICMP destination unreachable (type 3). */
        UNREACHABLE,
        /** The probe reached the server, which answered. */
        REACHED,
        /** Nothing came back in time. */
        SILENT
    }
}
