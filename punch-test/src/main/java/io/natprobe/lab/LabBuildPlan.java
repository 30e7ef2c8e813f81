package io.natprobe.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands that build a lab, in phases (pure; unit-tested). Commands of one phase touch
 * different namespaces and may run in parallel; a phase starts when the previous one is done.
 * One {@code ip -batch} per namespace keeps the number of processes small.
 */
public final class LabBuildPlan {

    private LabBuildPlan() {}

    public static List<List<Command>> phases(LabPlan plan) {
        List<RouterPlan> routers = plan.routers();
        String inet = plan.internetNamespace();
        String srv = plan.serverNamespace();

        // Phase 1: every namespace (one process).
        StringBuilder add = new StringBuilder();
        plan.namespaces().forEach(ns -> add.append("netns add ").append(ns).append('\n'));
        List<Command> create = List.of(new Command(List.of("ip", "-batch", "-"), add.toString(), "creating the lab's namespaces"));

        // Phase 2: links. Each veth pair is created inside a lab namespace with its peer moved
        // straight into the other one, so the root namespace never sees an interface of ours.
        List<Command> links = new ArrayList<>();
        StringBuilder in = new StringBuilder("link add br0 type bridge\n");
        in.append("link add srv type veth peer name eth0 netns ").append(srv).append('\n');
        for (int i = 0; i < routers.size(); i++) {
            RouterPlan r = routers.get(i);
            String outer = r.carrier().map(RouterPlan::namespace).orElse(r.namespace());
            in.append("link add r").append(i).append(" type veth peer name wan0 netns ").append(outer).append('\n');
        }
        links.add(batch(inet, in, "creating the internet bridge"));
        for (RouterPlan r : routers) {
            r.carrier().ifPresent(c -> links.add(batch(c.namespace(), new StringBuilder("link add lan0 type bridge\n"
                    + "link add h1 type veth peer name wan0 netns " + r.namespace() + "\n"), "creating carrier NAT links")));
            StringBuilder rb = new StringBuilder("link add lan0 type bridge\n");
            for (int j = 0; j < r.hosts().size(); j++) {
                rb.append("link add h").append(j + 1).append(" type veth peer name eth0 netns ")
                        .append(r.hosts().get(j).namespace()).append('\n');
            }
            links.add(batch(r.namespace(), rb, "creating the LAN of router " + r.name()));
        }

        // Phase 3: firewalls (nft first: loading NAT rules loads conntrack, whose sysctls phase 4 sets).
        List<Command> firewalls = new ArrayList<>();
        List<Command> settings = new ArrayList<>();
        settings.add(bridgeSysctl(inet));
        for (RouterPlan r : routers) {
            r.carrier().ifPresent(c -> firewalls.add(firewall(c, "carrier NAT of " + r.name())));
            r.carrier().ifPresent(c -> settings.add(sysctls(c, "carrier NAT of " + r.name())));
            r.carrier().ifPresent(c -> settings.add(bridgeSysctl(c.namespace())));
            firewalls.add(firewall(r, "router " + r.name()));
            settings.add(sysctls(r, "router " + r.name()));
            // br_netfilter: bridged LAN frames must not go through the firewall twice (NAT-FACTS.md).
            settings.add(bridgeSysctl(r.namespace()));
        }

        // Phase 5: addresses, ports, routes.
        List<Command> config = new ArrayList<>();
        StringBuilder ic = new StringBuilder("link set lo up\nlink set br0 up\nlink set srv master br0\nlink set srv up\n");
        for (int i = 0; i < routers.size(); i++) {
            ic.append("link set r").append(i).append(" master br0\nlink set r").append(i).append(" up\n");
        }
        config.add(batch(inet, ic, "configuring the internet bridge"));
        config.add(batch(srv, new StringBuilder("link set lo up\n"
                + "addr add " + LabPlan.SERVER_PRIMARY + "/24 dev eth0\n"
                + "addr add " + LabPlan.SERVER_ALTERNATE + "/24 dev eth0\n"
                + "link set eth0 up\n"), "configuring the server"));
        for (RouterPlan r : routers) {
            r.carrier().ifPresent(c -> config.add(batch(c.namespace(), routerConfig(c, 1), "configuring carrier NAT of " + r.name())));
            config.add(batch(r.namespace(), routerConfig(r, r.hosts().size()), "configuring router " + r.name()));
            for (HostPlan h : r.hosts()) {
                config.add(batch(h.namespace(), new StringBuilder("link set lo up\n"
                        + "addr add " + h.address() + "/24 dev eth0\n"
                        + "link set eth0 up\n"
                        + "route add default via " + h.gateway() + "\n"), "configuring host " + h.name()));
            }
        }
        return List.of(create, links, firewalls, settings, config);
    }

    /** Deleting a namespace removes its interfaces (and the veth peers elsewhere). */
    public static Command deleteNamespaces(List<String> namespaces) {
        StringBuilder del = new StringBuilder();
        namespaces.forEach(ns -> del.append("netns del ").append(ns).append('\n'));
        return new Command(List.of("ip", "-force", "-batch", "-"), del.toString(), "deleting lab namespaces");
    }

    private static StringBuilder routerConfig(RouterPlan r, int ports) {
        StringBuilder b = new StringBuilder("link set lo up\n");
        b.append("addr add ").append(r.wanAddress()).append("/24 dev wan0\n");
        b.append("link set wan0 up\n");
        b.append("addr add ").append(r.lanAddress()).append("/24 dev lan0\n");
        b.append("link set lan0 up\n");
        for (int j = 1; j <= ports; j++) {
            b.append("link set h").append(j).append(" master lan0\nlink set h").append(j).append(" up\n");
        }
        r.wanGateway().ifPresent(g -> b.append("route add default via ").append(g).append('\n'));
        return b;
    }

    private static Command firewall(RouterPlan r, String who) {
        return Command.inNamespace(r.namespace(), "loading the nftables ruleset of " + who, RulesetRenderer.render(r),
                "nft", "-f", "-");
    }

    private static Command sysctls(RouterPlan r, String who) {
        RouterSpec s = r.spec();
        // Conntrack's UDP timeouts are per namespace (NAT-FACTS.md): they are this router's binding lifetimes.
        return Command.inNamespace(r.namespace(), "setting forwarding and UDP timeouts of " + who, "",
                "sysctl", "-q", "-w", "net.ipv4.ip_forward=1",
                "net.netfilter.nf_conntrack_udp_timeout=" + s.udpTimeout(),
                "net.netfilter.nf_conntrack_udp_timeout_stream=" + s.streamTimeout());
    }

    private static Command bridgeSysctl(String ns) {
        return Command.inNamespace(ns, "turning off br_netfilter in " + ns, "",
                "sysctl", "-q", "-e", "-w", "net.bridge.bridge-nf-call-iptables=0",
                "net.bridge.bridge-nf-call-ip6tables=0", "net.bridge.bridge-nf-call-arptables=0");
    }

    private static Command batch(String ns, CharSequence lines, String what) {
        return new Command(List.of("ip", "-n", ns, "-batch", "-"), lines.toString(), what);
    }
}
