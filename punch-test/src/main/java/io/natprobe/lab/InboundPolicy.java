package io.natprobe.lab;

/**
 * What the router does with an unsolicited UDP packet addressed to its own public address
 * (no binding, filtering did not let it through).
 *
 * <p>Why it matters (NAT-FACTS.md): with {@link #KERNEL}, Linux confirms a conntrack entry for
 * the packet, and a later outbound packet whose SNAT tuple clashes with it gets a different
 * public port, which breaks hole punching towards port-restricted peers.
 */
public enum InboundPolicy {
    /** Linux default: delivered to the router's own stack (conntrack entry, ICMP port unreachable). */
    KERNEL,
    /** Dropped silently before conntrack confirms it. */
    DROP,
    /** Rejected with ICMP port unreachable before conntrack confirms it. */
    REJECT;

    public String term() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
