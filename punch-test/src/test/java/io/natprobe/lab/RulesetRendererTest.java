package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden rulesets: the nftables recipes of NAT-FACTS.md, byte for byte. Each was loaded with
 * {@code nft -f} into a router namespace and checked by the lab self-check (LabBehaviourIT).
 */
class RulesetRendererTest {

    /** The router under test is the first of a two-router lab (the second gives ADM a third remote). */
    static String render(String spec) {
        LabPlan p = new LabPlan("00ab12", NatSpecParser.topology(List.of(spec, "other=eim,eif"), List.of()));
        return RulesetRenderer.render(p.routers().get(0));
    }

    @Test
    void homeRouterIsPlainMasquerade() {
        assertThat(render("home=eim,apdf")).isEqualTo("""
# natprobe lab router home: eim,apdf
table ip natprobe {
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		# endpoint-independent mapping, port preserving: Linux reuses the binding
		oifname "wan0" ip saddr 10.0.1.0/24 masquerade
	}
}
""");
    }

    @Test
    void addressDependentFilteringWithHairpin() {
        assertThat(render("full=eim,adf,hairpin,timeout=5,stream-timeout=9")).isEqualTo("""
# natprobe lab router full: eim,adf,hairpin,timeout=5,stream-timeout=9
table ip natprobe {
	# public port -> inside address . port, refreshed by outbound packets (the binding)
	map pmap { type inet_service : ipv4_addr . inet_service; flags timeout; }
	# public port . remote address the inside endpoint has sent to (address-dependent filtering)
	set adf { type inet_service . ipv4_addr; flags timeout; }
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		# address-dependent filtering: only addresses the binding has sent to, any port
		iifname "wan0" meta l4proto udp udp dport . ip saddr @adf dnat ip to udp dport map @pmap
		# hairpinning (RFC 4787 §6): inside hosts reach a binding via the public address
		iifname "lan0" ip daddr 203.0.113.10 meta l4proto udp dnat ip to udp dport map @pmap
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		# endpoint-independent mapping, port preserving: Linux reuses the binding
		oifname "wan0" ip saddr 10.0.1.0/24 masquerade
		# hairpinned packets leave with the public address as source (RFC 4787 REQ-9)
		oifname "lan0" ip saddr 10.0.1.0/24 ct status dnat snat ip to 203.0.113.10
	}
	chain record {
		# after SNAT: udp sport is the public port
		type filter hook postrouting priority 300; policy accept;
		oifname "wan0" meta l4proto udp ct direction original update @adf { udp sport . ip daddr timeout 9s }
		oifname "wan0" meta l4proto udp ct direction original ct status seen-reply update @pmap { udp sport timeout 9s : ct original ip saddr . ct original proto-src }
		oifname "wan0" meta l4proto udp ct direction original ct status seen-reply accept
		oifname "wan0" meta l4proto udp ct direction original update @pmap { udp sport timeout 5s : ct original ip saddr . ct original proto-src }
	}
}
""");
    }

    @Test
    void addressAndPortDependentMappingWithEifLossAndReject() {
        assertThat(render("sym=apdm,eif,loss=10%,inbound=reject")).isEqualTo("""
# natprobe lab router sym: apdm,eif,loss=10%,inbound=reject
table ip natprobe {
	# public port -> inside address . port, refreshed by outbound packets (the binding)
	map pmap { type inet_service : ipv4_addr . inet_service; flags timeout; }
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		# endpoint-independent filtering: anyone may reach a mapped port
		iifname "wan0" meta l4proto udp dnat ip to udp dport map @pmap
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		# address-and-port-dependent mapping: a random port per destination
		oifname "wan0" ip saddr 10.0.1.0/24 masquerade fully-random
		oifname "wan0" ip saddr 10.0.1.0/24 masquerade
	}
	chain record {
		# after SNAT: udp sport is the public port
		type filter hook postrouting priority 300; policy accept;
		oifname "wan0" meta l4proto udp ct direction original ct status seen-reply update @pmap { udp sport timeout 120s : ct original ip saddr . ct original proto-src }
		oifname "wan0" meta l4proto udp ct direction original ct status seen-reply accept
		oifname "wan0" meta l4proto udp ct direction original update @pmap { udp sport timeout 30s : ct original ip saddr . ct original proto-src }
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		# packet loss (no sch_netem on this kernel)
		meta l4proto udp numgen random mod 100 < 10 drop
	}
	chain input {
		type filter hook input priority filter; policy accept;
		# unsolicited UDP to the router itself, before conntrack confirms an entry (NAT-FACTS.md)
		iifname "wan0" meta l4proto udp ct state new reject with icmp type port-unreachable
	}
}
""");
    }

    @Test
    void noPortPreservationDropAndIcmpBlock() {
        assertThat(render("np=eim-np,apdf,inbound=drop,icmp=block")).isEqualTo("""
# natprobe lab router np: eim-np,apdf,inbound=drop,icmp=block
table ip natprobe {
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		# endpoint-independent mapping without port preservation: one transform for all
		oifname "wan0" ip saddr 10.0.1.0/24 meta l4proto udp snat ip to 203.0.113.10 : udp sport ^ 0x2000
		oifname "wan0" ip saddr 10.0.1.0/24 masquerade
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		oifname "wan0" icmp type destination-unreachable icmp code port-unreachable drop
	}
	chain input {
		type filter hook input priority filter; policy accept;
		# unsolicited UDP to the router itself, before conntrack confirms an entry (NAT-FACTS.md)
		iifname "wan0" meta l4proto udp ct state new drop
	}
	chain output {
		type filter hook output priority filter; policy accept;
		oifname "wan0" icmp type destination-unreachable icmp code port-unreachable drop
	}
}
""");
    }

    @Test
    void addressDependentMappingHasOneRulePerRemote() {
        assertThat(render("adm=adm,apdf")).isEqualTo("""
# natprobe lab router adm: adm,apdf
table ip natprobe {
	chain prerouting {
		type nat hook prerouting priority dstnat; policy accept;
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		# address-dependent mapping: one port transform per remote address
		oifname "wan0" ip saddr 10.0.1.0/24 ip daddr 203.0.113.1 meta l4proto udp snat ip to 203.0.113.10 : udp sport ^ 0x0200
		oifname "wan0" ip saddr 10.0.1.0/24 ip daddr 203.0.113.2 meta l4proto udp snat ip to 203.0.113.10 : udp sport ^ 0x0400
		oifname "wan0" ip saddr 10.0.1.0/24 ip daddr 203.0.113.11 meta l4proto udp snat ip to 203.0.113.10 : udp sport ^ 0x0600
		oifname "wan0" ip saddr 10.0.1.0/24 masquerade
	}
}
""");
    }

    @Test
    void carrierNatsRenderTheirOwnLan() {
        LabPlan p = new LabPlan("00ab12", NatSpecParser.topology(List.of("a=eim,apdf"), List.of("a")));
        String carrier = RulesetRenderer.render(p.router("a").carrier().orElseThrow());
        assertThat(carrier).contains("oifname \"wan0\" ip saddr 100.64.1.0/24 masquerade\n")
                .contains("iifname \"wan0\" meta l4proto udp dnat ip to udp dport map @pmap\n");
        String inner = RulesetRenderer.render(p.router("a"));
        assertThat(inner).contains("oifname \"wan0\" ip saddr 10.0.1.0/24 masquerade\n");
    }

    @Test
    void addressDependentKeysAreDistinctAndKeepEphemeralPortsHigh() {
        java.util.Set<Integer> keys = new java.util.HashSet<>();
        for (int i = 0; i < LabTopology.MAX_ROUTERS + 2; i++) {
            int k = RulesetRenderer.adKey(i);
            assertThat(k).isPositive().isLessThan(0x8000);
            assertThat(keys.add(k)).isTrue();
        }
    }
}
