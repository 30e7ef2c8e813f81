package io.natprobe.sim;

import java.time.Duration;

/**
 * How a simulated NAT behaves, in RFC 4787 terms.
 *
 * @param mapping        how bindings are keyed (NONE: a firewall that does not translate)
 * @param filtering      which inbound packets a binding lets in
 * @param allocation     how an external port is chosen for a new binding
 * @param portDelta      step for {@link Allocation#SEQUENTIAL}
 * @param hairpin        whether packets to the NAT's own external address are looped back inside
 * @param udpTimeout     binding lifetime before a reply is seen or in the first {@code streamAfter}
 *                       (Linux nf_conntrack_udp_timeout)
 * @param streamTimeout  lifetime once replies were seen and the flow is older than {@code streamAfter}
 *                       (Linux nf_conntrack_udp_timeout_stream)
 * @param streamAfter    Linux: 2 s (nf_conntrack_proto_udp.c, "still active after two seconds?")
 * @param blockUdp       drop every UDP packet (a network where UDP is blocked)
 */
public record NatBehaviour(Mapping mapping, Filtering filtering, Allocation allocation, int portDelta,
                           boolean hairpin, Duration udpTimeout, Duration streamTimeout, Duration streamAfter,
                           boolean blockUdp) {

    public enum Mapping { NONE, ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT }

    public enum Filtering { NONE, ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT }

    public enum Allocation { PRESERVING, SEQUENTIAL, RANDOM }

    /** A Linux-like default: port preserving, 30 s / 120 s timeouts, no hairpin. */
    public static NatBehaviour of(Mapping m, Filtering f) {
        return new NatBehaviour(m, f, Allocation.PRESERVING, 1, false,
                Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(2), false);
    }

    public NatBehaviour withAllocation(Allocation a, int delta) {
        return new NatBehaviour(mapping, filtering, a, delta, hairpin, udpTimeout, streamTimeout, streamAfter, blockUdp);
    }

    public NatBehaviour withHairpin(boolean h) {
        return new NatBehaviour(mapping, filtering, allocation, portDelta, h, udpTimeout, streamTimeout, streamAfter, blockUdp);
    }

    public NatBehaviour withTimeouts(Duration udp, Duration stream) {
        return new NatBehaviour(mapping, filtering, allocation, portDelta, hairpin, udp, stream, streamAfter, blockUdp);
    }

    public NatBehaviour blockingUdp() {
        return new NatBehaviour(mapping, filtering, allocation, portDelta, hairpin, udpTimeout, streamTimeout, streamAfter, true);
    }
}
