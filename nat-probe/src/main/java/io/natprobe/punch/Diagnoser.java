package io.natprobe.punch;

import io.natprobe.log.PacketLineFormat;
import io.natprobe.punch.PunchOptions.Strategy;
import io.natprobe.punch.PunchResult.Diagnosis;
import io.natprobe.punch.PunchResult.DirectionResult;
import io.natprobe.rendezvous.Role;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what both sides saw into a verdict and a diagnosis in plain words (docs/punch.md lists the
 * codes). The evidence that matters most: where each side's probes really came from, compared with
 * the address the rendezvous server saw (NAT-FACTS: a changed port means an endpoint-dependent
 * mapping, or a router whose own stack took an early probe and moved the port).
 */
final class Diagnoser {

    record AttemptView(Attempt mine, PlanStep step, ControlMessage.Result peer) {
        boolean connected() {
            return mine.connected || (peer != null && peer.connected());
        }
    }

    private final Role me;
    private final InetSocketAddress local;
    private final InetSocketAddress mapped;
    private final NatHint selfHint;
    private final InetSocketAddress peerReflexive;
    private final NatHint peerHint;
    private final List<InetSocketAddress> peerLocals;
    private final List<InetSocketAddress> icmpFrom;

    Diagnoser(Role me, InetSocketAddress local, InetSocketAddress mapped, NatHint selfHint, InetSocketAddress peerReflexive, NatHint peerHint,
              List<InetSocketAddress> peerLocals, List<InetSocketAddress> icmpFrom) {
        this.me = me;
        this.local = local;
        this.mapped = mapped;
        this.selfHint = selfHint == null ? NatHint.UNKNOWN : selfHint;
        this.peerReflexive = peerReflexive;
        this.peerHint = peerHint == null ? NatHint.UNKNOWN : peerHint;
        this.peerLocals = peerLocals;
        this.icmpFrom = icmpFrom;
    }

    PunchResult result(List<AttemptView> views, Duration rtt) {
        TreeMap<Integer, List<AttemptView>> byDirection = new TreeMap<>();
        for (AttemptView v : views) {
            byDirection.computeIfAbsent(v.step().direction(), d -> new ArrayList<>()).add(v);
        }
        List<DirectionResult> directions = new ArrayList<>();
        for (List<AttemptView> group : byDirection.values()) {
            directions.add(direction(group, rtt));
        }
        boolean connected = directions.stream().anyMatch(DirectionResult::connected);
        return new PunchResult(connected, directions, diagnose(views, directions, connected));
    }

    private DirectionResult direction(List<AttemptView> group, Duration rtt) {
        AttemptView win = group.stream().filter(AttemptView::connected).findFirst().orElse(null);
        AttemptView last = group.stream().filter(v -> v.mine().skipped == null).reduce((a, b) -> b)
                .orElse(group.get(group.size() - 1));
        int probes = group.stream().mapToInt(v -> v.mine().probesSent).sum();
        String first = group.get(0).step().first().name();
        if (win == null) {
            return new DirectionResult(first, false, last.step().strategy(), null, null, null, probes, null);
        }
        long ms = win.mine().connectMs();
        if (win.peer() != null && win.peer().connectMs() >= 0 && (ms < 0 || win.peer().connectMs() < ms)) {
            ms = win.peer().connectMs();
        }
        InetSocketAddress remote = win.mine().remote != null ? win.mine().remote : win.mine().heardFrom;
        return new DirectionResult(first, true, win.step().strategy(), ms < 0 ? null : Duration.ofMillis(ms),
                path(remote), remote, probes, win.mine().rtt);
    }

    /** "same-lan" when the peer answered at a local address it reported, "hairpin" through our own NAT, else "direct". */
    String path(InetSocketAddress remote) {
        if (remote == null) {
            return "direct";
        }
        if (peerLocals.contains(remote) && !remote.equals(peerReflexive)) {
            return "same-lan";
        }
        boolean behindNat = mapped != null && !mapped.equals(local);
        if (behindNat && remote.getAddress().equals(mapped.getAddress())) {
            return "hairpin";
        }
        return "direct";
    }

    private Diagnosis diagnose(List<AttemptView> views, List<DirectionResult> directions, boolean connected) {
        Role peer = me.other();
        List<String> details = new ArrayList<>();
        details.add("your NAT: " + selfHint.describe());
        details.add(peer + "'s NAT: " + peerHint.describe());
        Set<String> moved = new LinkedHashSet<>();
        boolean peerPortMovedDespiteEim = false;
        boolean myPortMovedDespiteEim = false;
        boolean heardAny = false;
        boolean peerHeardAny = false;
        int peerIcmp = 0;
        for (AttemptView v : views) {
            InetSocketAddress h = v.mine().heardFrom;
            if (h != null) {
                heardAny = true;
                if (peerReflexive != null && !h.equals(peerReflexive)) {
                    moved.add(peer + "'s NAT used port " + h.getPort() + " toward you, not the " + peerReflexive.getPort()
                            + " the server saw: " + (peerHint.independentMapping()
                            ? "its NAT keeps one mapping per socket, so the port moved for another reason (see below)"
                            : "its mapping depends on the destination"));
                    peerPortMovedDespiteEim |= peerHint.independentMapping() && v.step().strategy() != Strategy.BIRTHDAY;
                }
            }
            ControlMessage.Result r = v.peer();
            if (r != null) {
                peerIcmp += r.icmpErrors();
                if (r.heardFrom() != null) {
                    peerHeardAny = true;
                    if (mapped != null && !r.heardFrom().equals(mapped)) {
                        moved.add("your NAT used port " + r.heardFrom().getPort() + " toward " + peer + ", not the "
                                + mapped.getPort() + " the server saw: " + (selfHint.independentMapping()
                                ? "your NAT keeps one mapping per socket, so the port moved for another reason"
                                : "its mapping depends on the destination"));
                        myPortMovedDespiteEim |= selfHint.independentMapping() && v.step().strategy() != Strategy.BIRTHDAY;
                    }
                }
            }
        }
        details.addAll(moved);
        addMappingEvidence(details, peer + "'s", peerHint);
        addMappingEvidence(details, "your", selfHint);
        if (!icmpFrom.isEmpty()) {
            details.add(icmpFrom.size() + " ICMP port-unreachable error(s) came back for our probes (first for "
                    + PacketLineFormat.address(icmpFrom.get(0)) + "): a router's own stack answered them");
        }
        if (peerIcmp > 0) {
            details.add(peer + " saw " + peerIcmp + " ICMP port-unreachable error(s) for its probes");
        }
        for (AttemptView v : views) {
            if (v.mine().skipped != null) {
                details.add(v.step().strategy().name().toLowerCase() + " (" + v.step().first() + " first) not run: "
                        + v.mine().skipped);
            }
        }
        if (views.isEmpty()) {
            return new Diagnosis("no-attempt", "No attempt ran: the peer never started or answered the automatic run.",
                    details, List.of("Run `natprobe punch` on both sides with the same session code at the same time.",
                            "Check that both sides reach the rendezvous server."));
        }
        if (connected) {
            DirectionResult d = directions.stream().filter(DirectionResult::connected).findFirst().orElseThrow();
            List<String> advice = new ArrayList<>();
            advice.add("Keep the hole open with a packet at least every 15 s (Linux forgets an idle UDP mapping after 30 s).");
            for (DirectionResult x : directions) {
                if (!x.connected()) {
                    advice.add("Only " + d.first() + " first worked: let " + d.first() + " send first in your application.");
                }
            }
            String code = peerPortMovedDespiteEim || myPortMovedDespiteEim ? "connected-port-moved" : "connected";
            return new Diagnosis(code, "Connected " + d.path() + " (" + d.first() + " first, "
                    + d.strategy().name().toLowerCase() + (d.timeToConnect() == null ? "" : ", " + d.timeToConnect().toMillis() + " ms")
                    + ").", details, advice);
        }
        boolean anyPeerResult = views.stream().anyMatch(v -> v.peer() != null);
        if (!anyPeerResult) {
            return new Diagnosis("peer-silent", peer + " sent no results through the server: it may have quit or lost the server.",
                    details, List.of("Run both sides again at the same time.", "Check that " + peer + " still reaches the rendezvous server."));
        }
        boolean bothEim = selfHint.independentMapping() && peerHint.independentMapping();
        boolean bothPortFiltering = portFiltering(selfHint) && portFiltering(peerHint);
        if (peerPortMovedDespiteEim || myPortMovedDespiteEim || (bothEim && bothPortFiltering && !heardAny && !peerHeardAny)) {
            // Whose router took the early probe: the side whose port moved, or (inferred) the side that did
            // not go first in a direction that failed with ICMP errors from its router.
            String whoName = peerPortMovedDespiteEim ? peer.name() : myPortMovedDespiteEim ? me.name()
                    // ICMP errors for our probes come from the peer's router's stack, and vice versa.
                    : !icmpFrom.isEmpty() && peerIcmp == 0 ? peer.name()
                    : icmpFrom.isEmpty() && peerIcmp > 0 ? me.name() : null;
            String who = whoName == null ? "the other side's" : whoName.equals(me.name()) ? "your" : whoName + "'s";
            String goFirst = whoName == null ? "the side behind such a router" : whoName.equals(me.name()) ? "you (" + whoName + ")" : whoName;
            return new Diagnosis("router-state-port-change",
                    "An early probe reached " + who + " router itself (it accepts unsolicited UDP into its own stack), which"
                            + " made the router move the port, so the port-restricted NAT on the other side dropped everything.",
                    details, List.of(
                            "Let " + goFirst + " go first (`--direction " + (whoName == null ? "a-first|b-first"
                                    : whoName.equals("A") ? "a-first" : "b-first") + "`): its early probes then meet a router that"
                                    + " drops them, and the answers match its open hole. This works when only one of the two"
                                    + " routers behaves so.",
                            "Ask the router's admin to drop unsolicited inbound UDP on its public side"
                                    + " (nftables: `iifname WAN meta l4proto udp ct state new drop` in the input chain).",
                            "If both routers behave so and cannot be changed, use a relay (TURN): natprobe cannot send a"
                                    + " low-TTL first packet from Java."));
        }
        boolean meVaries = selfHint.dependentMapping();
        boolean peerVaries = peerHint.dependentMapping();
        if (meVaries && peerVaries) {
            return new Diagnosis("both-endpoint-dependent",
                    "Both NATs use a new port for every destination, so neither side can know where to send.",
                    details, List.of("Use a relay (TURN): direct UDP is not possible between these two NATs."));
        }
        if (meVaries || peerVaries) {
            String varying = meVaries ? "Your" : peer + "'s";
            String other = meVaries ? peer + "'s" : "your";
            List<String> advice = new ArrayList<>();
            boolean predicted = views.stream().anyMatch(v -> (v.step().strategy() == Strategy.PREDICT
                    || v.step().strategy() == Strategy.BIRTHDAY) && v.mine().skipped == null);
            if (!predicted) {
                advice.add("Try port prediction: `--strategy birthday` (many sockets on one side, bounded guesses on the other).");
            } else {
                advice.add("Port prediction ran within its bounds without a hit; a larger budget may hit, at the cost of more packets.");
            }
            advice.add("Use a relay (TURN) if this must work every time.");
            return new Diagnosis("endpoint-dependent-mapping", varying + " NAT uses a new port for each destination and "
                    + other + " NAT only lets in packets from the exact address and port it sent to.", details, advice);
        }
        if (heardAny != peerHeardAny) {
            String heard = heardAny ? "you" : peer.name();
            return new Diagnosis("one-way", "Probes reached " + heard + ", but the answers never made it back.",
                    details, List.of("Try the other direction first (`--direction both`).", "Try again with a delay; then a relay (TURN)."));
        }
        return new Diagnosis("no-probe-arrived", "No probe from either side arrived: both NATs or firewalls dropped them"
                + (icmpFrom.isEmpty() && peerIcmp == 0 ? " silently." : " (ICMP errors came back)."),
                details, List.of("Try the other direction first (`--direction both`) and every strategy (`--strategy all`).",
                        "Check that a firewall does not block outbound UDP.", "Use a relay (TURN)."));
    }

    private static boolean portFiltering(NatHint h) {
        return !"endpoint-independent".equals(h.filtering()) && !"address-dependent".equals(h.filtering());
    }

    private static void addMappingEvidence(List<String> details, String whose, NatHint h) {
        if (h.dependentMapping() && h.mapped() != null && h.mappedOther() != null) {
            details.add(whose + " NAT used port " + h.mappedOther().getPort() + " toward the server's second address, not the "
                    + h.mapped().getPort() + " its first address saw: its mapping depends on the destination");
        }
    }
}
