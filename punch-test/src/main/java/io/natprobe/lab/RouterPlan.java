package io.natprobe.lab;

import java.util.List;
import java.util.Optional;

/**
 * Where one router (or carrier NAT) sits: its namespace, addresses and neighbours.
 *
 * @param spec          the behaviour
 * @param namespace     the router's network namespace
 * @param wanAddress    the address of {@code wan0} (public, or 100.64.x.2 behind a carrier)
 * @param wanGateway    next hop for public addresses, empty when they are on-link
 * @param publicAddress the address the internet sees (the carrier's WAN when behind one)
 * @param lanAddress    the address of {@code lan0}
 * @param lanPrefix     the LAN subnet, e.g. {@code 10.0.1.0/24}
 * @param remotes       every other public address in the lab (servers, other routers), in a
 *                      fixed order: address-dependent mapping needs one SNAT rule each
 * @param hosts         the hosts on the LAN (empty for a carrier NAT)
 * @param carrier       the carrier NAT in front of this router
 */
public record RouterPlan(
        RouterSpec spec,
        String namespace,
        String wanAddress,
        Optional<String> wanGateway,
        String publicAddress,
        String lanAddress,
        String lanPrefix,
        List<String> remotes,
        List<HostPlan> hosts,
        Optional<RouterPlan> carrier) {

    public static final String WAN_IF = "wan0";
    public static final String LAN_IF = "lan0";

    public RouterPlan {
        remotes = List.copyOf(remotes);
        hosts = List.copyOf(hosts);
    }

    public String name() {
        return spec.name();
    }
}
