package io.natprobe.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the nftables ruleset that gives one router its behaviour (pure; golden-tested).
 * The recipes are the ones measured in NAT-FACTS.md; each rule says which behaviour it makes.
 * Applied with {@code ip netns exec ROUTER nft -f -}; the table is the only one in the namespace.
 */
public final class RulesetRenderer {

    public static final String TABLE = "natprobe";

    private RulesetRenderer() {}

    /** XOR key for remote i of an address-dependent mapping: distinct, non-zero, below 0x8000 so that
     *  ephemeral ports (32768..60999) stay above 32767 and never become 0. */
    static int adKey(int remoteIndex) {
        return (remoteIndex + 1) << 9;
    }

    /** XOR key of endpoint-independent mapping without port preservation (same for every destination). */
    static final int EIM_NO_PRESERVE_KEY = 0x2000;

    public static String render(RouterPlan r) {
        RouterSpec s = r.spec();
        String wan = q(RouterPlan.WAN_IF);
        String lan = q(RouterPlan.LAN_IF);
        String lanNet = r.lanPrefix();
        String addr = r.wanAddress();
        boolean eif = s.filtering() == FilteringBehavior.ENDPOINT_INDEPENDENT;
        boolean adf = s.filtering() == FilteringBehavior.ADDRESS_DEPENDENT;
        boolean needMap = eif || adf || s.hairpin();

        List<String> out = new ArrayList<>();
        out.add("# natprobe lab router " + s.name() + ": " + s.options());
        out.add("table ip " + TABLE + " {");
        if (needMap) {
            out.add("\t# public port -> inside address . port, refreshed by outbound packets (the binding)");
            out.add("\tmap pmap { type inet_service : ipv4_addr . inet_service; flags timeout; }");
        }
        if (adf) {
            out.add("\t# public port . remote address the inside endpoint has sent to (address-dependent filtering)");
            out.add("\tset adf { type inet_service . ipv4_addr; flags timeout; }");
        }

        out.add("\tchain prerouting {");
        out.add("\t\ttype nat hook prerouting priority dstnat; policy accept;");
        if (eif) {
            out.add("\t\t# endpoint-independent filtering: anyone may reach a mapped port");
            out.add("\t\tiifname " + wan + " meta l4proto udp dnat ip to udp dport map @pmap");
        } else if (adf) {
            out.add("\t\t# address-dependent filtering: only addresses the binding has sent to, any port");
            out.add("\t\tiifname " + wan + " meta l4proto udp udp dport . ip saddr @adf dnat ip to udp dport map @pmap");
        }
        if (s.hairpin()) {
            out.add("\t\t# hairpinning (RFC 4787 §6): inside hosts reach a binding via the public address");
            out.add("\t\tiifname " + lan + " ip daddr " + addr + " meta l4proto udp dnat ip to udp dport map @pmap");
        }
        out.add("\t}");

        out.add("\tchain postrouting {");
        out.add("\t\ttype nat hook postrouting priority srcnat; policy accept;");
        String from = "oifname " + wan + " ip saddr " + lanNet;
        switch (s.mapping()) {
            case ENDPOINT_INDEPENDENT -> {
                if (s.preservePort()) {
                    out.add("\t\t# endpoint-independent mapping, port preserving: Linux reuses the binding");
                } else {
                    out.add("\t\t# endpoint-independent mapping without port preservation: one transform for all");
                    out.add("\t\t" + from + " meta l4proto udp snat ip to " + addr + " : udp sport ^ "
                            + hex(EIM_NO_PRESERVE_KEY));
                }
            }
            case ADDRESS_DEPENDENT -> {
                out.add("\t\t# address-dependent mapping: one port transform per remote address");
                for (int i = 0; i < r.remotes().size(); i++) {
                    out.add("\t\t" + from + " ip daddr " + r.remotes().get(i) + " meta l4proto udp snat ip to " + addr
                            + " : udp sport ^ " + hex(adKey(i)));
                }
            }
            case ADDRESS_AND_PORT_DEPENDENT -> {
                out.add("\t\t# address-and-port-dependent mapping: a random port per destination");
                out.add("\t\t" + from + " masquerade fully-random");
            }
        }
        out.add("\t\t" + from + " masquerade");
        if (s.hairpin()) {
            out.add("\t\t# hairpinned packets leave with the public address as source (RFC 4787 REQ-9)");
            out.add("\t\toifname " + lan + " ip saddr " + lanNet + " ct status dnat snat ip to " + addr);
        }
        out.add("\t}");

        if (needMap) {
            out.add("\tchain record {");
            out.add("\t\t# after SNAT: udp sport is the public port");
            out.add("\t\ttype filter hook postrouting priority 300; policy accept;");
            String rec = "oifname " + wan + " meta l4proto udp ct direction original ";
            if (adf) {
                out.add("\t\t" + rec + "update @adf { udp sport . ip daddr timeout "
                        + Math.max(s.udpTimeout(), s.streamTimeout()) + "s }");
            }
            out.add("\t\t" + rec + "ct status seen-reply update @pmap { udp sport timeout " + s.streamTimeout()
                    + "s : ct original ip saddr . ct original proto-src }");
            out.add("\t\t" + rec + "ct status seen-reply accept");
            out.add("\t\t" + rec + "update @pmap { udp sport timeout " + s.udpTimeout()
                    + "s : ct original ip saddr . ct original proto-src }");
            out.add("\t}");
        }

        if (s.lossPercent() > 0 || s.icmp() == IcmpPolicy.BLOCK) {
            out.add("\tchain forward {");
            out.add("\t\ttype filter hook forward priority filter; policy accept;");
            if (s.lossPercent() > 0) {
                out.add("\t\t# packet loss (no sch_netem on this kernel)");
                out.add("\t\tmeta l4proto udp numgen random mod 100 < " + s.lossPercent() + " drop");
            }
            if (s.icmp() == IcmpPolicy.BLOCK) {
                out.add("\t\toifname " + wan + " icmp type destination-unreachable icmp code port-unreachable drop");
            }
            out.add("\t}");
        }
        if (s.inbound() != InboundPolicy.KERNEL) {
            out.add("\tchain input {");
            out.add("\t\ttype filter hook input priority filter; policy accept;");
            out.add("\t\t# unsolicited UDP to the router itself, before conntrack confirms an entry (NAT-FACTS.md)");
            out.add("\t\tiifname " + wan + " meta l4proto udp ct state new "
                    + (s.inbound() == InboundPolicy.DROP ? "drop" : "reject with icmp type port-unreachable"));
            out.add("\t}");
        }
        if (s.icmp() == IcmpPolicy.BLOCK) {
            out.add("\tchain output {");
            out.add("\t\ttype filter hook output priority filter; policy accept;");
            out.add("\t\toifname " + wan + " icmp type destination-unreachable icmp code port-unreachable drop");
            out.add("\t}");
        }
        out.add("}");
        return String.join("\n", out) + "\n";
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static String hex(int v) {
        return String.format("0x%04x", v);
    }
}
