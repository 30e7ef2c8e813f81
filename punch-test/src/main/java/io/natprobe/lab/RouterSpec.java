package io.natprobe.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One NAT router of the lab and how it behaves. Written on the command line as
 * {@code NAME=MAPPING,FILTERING[,hairpin][,timeout=S]...} (see {@link NatSpecParser}).
 *
 * @param name           short name, also used in namespace names ([a-z][a-z0-9]{0,9})
 * @param mapping        RFC 4787 §4.1 mapping behaviour
 * @param preservePort   whether an endpoint-independent mapping keeps the inside port when free
 * @param filtering      RFC 4787 §5 filtering behaviour
 * @param hairpin        whether hosts behind the router reach each other via its public address (§6)
 * @param udpTimeout     seconds a binding lives without replies ({@code nf_conntrack_udp_timeout})
 * @param streamTimeout  seconds a binding that saw replies lives ({@code nf_conntrack_udp_timeout_stream})
 * @param inbound        what happens to unsolicited UDP sent to the router itself
 * @param icmp           whether ICMP port-unreachable leaves the router
 * @param lossPercent    share of forwarded UDP packets dropped at random, 0..100
 * @param hosts          number of hosts on the router's LAN, 1..8
 * @param carrier        a carrier-grade NAT in front of this router (its WAN then sits in 100.64.0.0/10)
 */
public record RouterSpec(
        String name,
        MappingBehavior mapping,
        boolean preservePort,
        FilteringBehavior filtering,
        boolean hairpin,
        int udpTimeout,
        int streamTimeout,
        InboundPolicy inbound,
        IcmpPolicy icmp,
        int lossPercent,
        int hosts,
        Optional<RouterSpec> carrier) {

    /** Linux's defaults (6.x kernels): 30 s one-way, 120 s for flows that saw replies. */
    public static final int DEFAULT_UDP_TIMEOUT = 30;
    public static final int DEFAULT_STREAM_TIMEOUT = 120;
    public static final int MAX_HOSTS = 8;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,9}");

    public RouterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(filtering, "filtering");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(icmp, "icmp");
        Objects.requireNonNull(carrier, "carrier");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("router name '" + name
                    + "' must be 1-10 lower-case letters or digits, starting with a letter");
        }
        if (udpTimeout < 1 || udpTimeout > 86_400) {
            throw new IllegalArgumentException("timeout for router " + name + " must be 1..86400 seconds, not " + udpTimeout);
        }
        if (streamTimeout < 1 || streamTimeout > 86_400) {
            throw new IllegalArgumentException("stream-timeout for router " + name + " must be 1..86400 seconds, not " + streamTimeout);
        }
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("loss for router " + name + " must be 0..100 %, not " + lossPercent);
        }
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new IllegalArgumentException("hosts for router " + name + " must be 1.." + MAX_HOSTS + ", not " + hosts);
        }
        if (inbound == InboundPolicy.REJECT && icmp == IcmpPolicy.BLOCK) {
            throw new IllegalArgumentException("router " + name
                    + ": inbound=reject answers with ICMP port unreachable but icmp=block drops it; choose one");
        }
        if (preservePort && mapping != MappingBehavior.ENDPOINT_INDEPENDENT) {
            // ADM/APDM recipes (per-destination port transform, fully-random) never keep the port.
            preservePort = false;
        }
        carrier.ifPresent(c -> {
            if (c.carrier().isPresent()) {
                throw new IllegalArgumentException("carrier NAT of " + name + " cannot itself sit behind another NAT");
            }
        });
    }

    /** A router with Linux's defaults for everything but mapping and filtering. */
    public static RouterSpec of(String name, MappingBehavior mapping, FilteringBehavior filtering) {
        return new RouterSpec(name, mapping, mapping == MappingBehavior.ENDPOINT_INDEPENDENT, filtering, false,
                DEFAULT_UDP_TIMEOUT, DEFAULT_STREAM_TIMEOUT, InboundPolicy.KERNEL, IcmpPolicy.FORWARD, 0, 1,
                Optional.empty());
    }

    /** The default carrier-grade NAT: EIM (port preserving) + EIF, as RFC 6888 REQ-1 / RFC 4787 REQ-8 suggest. */
    public static RouterSpec defaultCarrier(String name) {
        return of(name, MappingBehavior.ENDPOINT_INDEPENDENT, FilteringBehavior.ENDPOINT_INDEPENDENT);
    }

    public RouterSpec withCarrier(RouterSpec carrierSpec) {
        return new RouterSpec(name, mapping, preservePort, filtering, hairpin, udpTimeout, streamTimeout, inbound,
                icmp, lossPercent, hosts, Optional.of(carrierSpec));
    }

    /** Mapping + filtering in short words, e.g. {@code EIM(port-preserving)+APDF}. */
    public String behaviourLabel() {
        String m = mapping.abbreviation();
        if (mapping == MappingBehavior.ENDPOINT_INDEPENDENT) {
            m += preservePort ? "" : "(no port preservation)";
        }
        return m + "+" + filtering.abbreviation();
    }

    /** The canonical flag value without the name; {@link NatSpecParser#parseOptions} reads it back. */
    public String options() {
        List<String> parts = new ArrayList<>();
        parts.add(switch (mapping) {
            case ENDPOINT_INDEPENDENT -> preservePort ? "eim" : "eim-np";
            case ADDRESS_DEPENDENT -> "adm";
            case ADDRESS_AND_PORT_DEPENDENT -> "apdm";
        });
        parts.add(switch (filtering) {
            case ENDPOINT_INDEPENDENT -> "eif";
            case ADDRESS_DEPENDENT -> "adf";
            case ADDRESS_AND_PORT_DEPENDENT -> "apdf";
        });
        if (hairpin) {
            parts.add("hairpin");
        }
        if (udpTimeout != DEFAULT_UDP_TIMEOUT) {
            parts.add("timeout=" + udpTimeout);
        }
        if (streamTimeout != DEFAULT_STREAM_TIMEOUT) {
            parts.add("stream-timeout=" + streamTimeout);
        }
        if (lossPercent != 0) {
            parts.add("loss=" + lossPercent + "%");
        }
        if (inbound != InboundPolicy.KERNEL) {
            parts.add("inbound=" + inbound.term());
        }
        if (icmp != IcmpPolicy.FORWARD) {
            parts.add("icmp=" + icmp.term());
        }
        if (hosts != 1) {
            parts.add("hosts=" + hosts);
        }
        return String.join(",", parts);
    }
}
