package io.natprobe.path;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Sends one datagram per TTL 1..maxTtl toward a server, all at once, and reports who answered each
 * (the routers on the way, as in traceroute). The routers' own addresses are what reveals a NAT the
 * host cannot see otherwise: a carrier-grade NAT in front of the home router shows up as a hop in
 * 100.64.0.0/10 (RFC 6598).
 */
public interface PathProbe {

    /**
     * One {@link Hop} per TTL, in order; an empty list when the platform cannot do it. {@code sent} runs
     * once every probe is out (or none can be sent), before the wait for answers.
     */
    List<Hop> trace(InetSocketAddress server, byte[] payload, int maxTtl, Duration wait, Runnable sent);

    default List<Hop> trace(InetSocketAddress server, byte[] payload, int maxTtl, Duration wait) {
        return trace(server, payload, maxTtl, wait, () -> { });
    }

    /** The probe for this platform: Linux (IP_TTL + IP_RECVERR, no root needed), else none. */
    static PathProbe system() {
        return LinuxPathProbe.supported() ? new LinuxPathProbe() : (server, payload, maxTtl, wait, sent) -> {
            sent.run();
            return List.of();
        };
    }
}
