package io.natprobe.classify;

import io.natprobe.net.Action;
import io.natprobe.net.Outcome;
import io.natprobe.net.Plan;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 5780 NAT behaviour discovery as a sans-I/O plan, with every independent test in flight at once.
 *
 * <p>At the start: test I from socket 0 to every server (mapping, and which server can do RFC 5780);
 * the filtering tests II (change IP and port) and III (change port) each from their own fresh socket,
 * twice with distinct transactions so one lost exchange cannot fake a filtering verdict (NAT-FACTS:
 * a socket shared with another test carries that test's bindings into this one); and one binding each
 * from a few more sockets for the port-allocation pattern. As soon as test I names the OTHER-ADDRESS,
 * mapping tests II and III go out together, both aimed at that address (RFC 5780 §4.3 says test I's;
 * coturn uses test II's and gets address-dependent mapping wrong). As soon as two allocation sockets
 * know their mapped addresses, each sends a random-id token to the other's mapped address
 * (hairpinning, §4.5): a token can only arrive by going out to the NAT and back. The whole run takes
 * one round trip plus one retransmission timeout, instead of a sum of timeouts.
 *
 * <p>Interpretation lives in {@link Rfc5780Verdict}.
 */
public final class Rfc5780Plan implements Plan<NatReport> {

    static final int MAPPING_SOCKET = 0;
    static final int FILTER_II_SOCKET = 1;
    static final int FILTER_III_SOCKET = 2;
    static final int FIRST_ALLOCATION_SOCKET = 3;
    static final int RERUN_OFFSET = 100;
    /** Socket offset of the allocation sockets re-sent to a later server when the first one is silent. */
    static final int ALLOCATION_RERUN_OFFSET = 200;
    static final int HAIRPIN_CANDIDATES = 4;

    private final List<InetSocketAddress> servers;
    private final int allocationSockets;
    private final Deque<Action.Send<NatReport>> queue = new ArrayDeque<>();
    private final Map<String, Action.Send<NatReport>> sent = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Set<String> started = new HashSet<>();
    private Instant startedAt;
    private Integer fullServer;
    private boolean mappingTestsSent;
    private boolean hairpinSent;
    /** The server the port-allocation and hairpin tests use: the first one, or the first later one that answered. */
    private int allocationServer;

    /**
     * @param servers           the servers in the user's order; the first RFC 5780 one runs the full test
     * @param allocationSockets extra sockets for the port-allocation pattern (2..16; the first two also test hairpinning)
     */
    public Rfc5780Plan(List<InetSocketAddress> servers, int allocationSockets) {
        if (servers.isEmpty()) throw new IllegalArgumentException("at least one server is required");
        if (allocationSockets < 2 || allocationSockets > 16) {
            throw new IllegalArgumentException("allocationSockets out of range (expected: 2..16): " + allocationSockets);
        }
        this.servers = List.copyOf(servers);
        this.allocationSockets = allocationSockets;
    }

    public Rfc5780Plan(List<InetSocketAddress> servers) {
        this(servers, 6);
    }

    @Override
    public Action<NatReport> next(Instant now) {
        if (startedAt == null) {
            startedAt = now;
            start();
        }
        if (!queue.isEmpty()) {
            Action.Send<NatReport> s = queue.poll();
            sent.put(s.label(), s);
            return s;
        }
        if (outcomes.size() < sent.size()) return new Action.WaitUntil<>(Instant.MAX);
        return new Action.Done<>(new Rfc5780Verdict(servers, sent, outcomes, fullServer, allocationServer, startedAt, now).report());
    }

    @Override
    public void observe(Outcome o) {
        outcomes.put(o.exchange().label(), o);
        decideFullServer();
        if (fullServer != null && !mappingTestsSent) sendMappingTests();
        maybeMoveAllocationTests();
        if (!hairpinSent) maybeSendHairpin();
    }

    private void start() {
        for (int i = 0; i < servers.size(); i++) {
            send(Labels.mappingI(i), MAPPING_SOCKET, servers.get(i), StunMessage.bindingRequest(), false);
        }
        sendFilteringTests(0, 0);
        sendAllocationTests(0, 0);
    }

    private void sendAllocationTests(int server, int socketOffset) {
        for (int k = 0; k < allocationSockets; k++) {
            // Sockets after the first four are connected, so that an ICMP port-unreachable from a dead
            // server is seen (an unconnected socket never hears of it); hairpinning uses the first four.
            boolean connected = k >= HAIRPIN_CANDIDATES;
            send(Labels.allocation(k, server), FIRST_ALLOCATION_SOCKET + socketOffset + k, servers.get(server),
                    StunMessage.bindingRequest(), connected);
        }
    }

    /**
     * The first server is silent but a later one answered: the port-allocation and hairpin tests need
     * mapped addresses, so they run again from fresh sockets against the server that works (the
     * preferred one: the RFC 5780 server that runs the full test, else the first that answered).
     */
    private void maybeMoveAllocationTests() {
        if (allocationServer != 0 || !(outcomes.get(Labels.mappingI(0)) instanceof Outcome.TimedOut)) return;
        int working = -1;
        if (fullServer != null && fullServer != 0) {
            working = fullServer;
        } else {
            for (int i = 1; i < servers.size() && working < 0; i++) {
                if (Rfc5780Verdict.mapped(outcomes.get(Labels.mappingI(i))) != null) working = i;
            }
        }
        if (working < 0) return;
        allocationServer = working;
        if (!sent.containsKey(Labels.HAIRPIN_A) && !queue.stream().anyMatch(a -> a.label().equals(Labels.HAIRPIN_A))) {
            hairpinSent = false;
        }
        sendAllocationTests(working, ALLOCATION_RERUN_OFFSET);
    }

    private void sendFilteringTests(int server, int socketOffset) {
        InetSocketAddress to = servers.get(server);
        String suffix = server == 0 ? "" : " server " + (server + 1);
        for (String rep : new String[] {"", " (repeat)"}) {
            send(Labels.FILTERING_II + suffix + rep, FILTER_II_SOCKET + socketOffset, to,
                    StunMessage.bindingRequest(new Attribute.ChangeRequest(true, true)), false);
            send(Labels.FILTERING_III + suffix + rep, FILTER_III_SOCKET + socketOffset, to,
                    StunMessage.bindingRequest(new Attribute.ChangeRequest(false, true)), false);
        }
    }

    private void decideFullServer() {
        if (fullServer != null) return;
        // The first server (in the user's order) that announces an alternate address runs the full test;
        // decided as soon as every earlier server has answered without one or timed out.
        for (int i = 0; i < servers.size(); i++) {
            Outcome o = outcomes.get(Labels.mappingI(i));
            if (o == null) return;
            if (Rfc5780Verdict.otherAddress(o) != null) {
                fullServer = i;
                if (i != 0) sendFilteringTests(i, RERUN_OFFSET);
                return;
            }
        }
    }

    private void sendMappingTests() {
        mappingTestsSent = true;
        InetSocketAddress other = Rfc5780Verdict.otherAddress(outcomes.get(Labels.mappingI(fullServer)));
        InetSocketAddress primary = servers.get(fullServer);
        send(Labels.MAPPING_II, MAPPING_SOCKET, new InetSocketAddress(other.getAddress(), primary.getPort()),
                StunMessage.bindingRequest(), false);
        send(Labels.MAPPING_III, MAPPING_SOCKET, other, StunMessage.bindingRequest(), false);
    }

    private void maybeSendHairpin() {
        // The first two allocation sockets that learned their mapped address test hairpinning.
        List<Outcome> ready = new ArrayList<>();
        int resolved = 0;
        int candidates = Math.min(allocationSockets, HAIRPIN_CANDIDATES);
        for (int k = 0; k < candidates; k++) {
            Outcome o = outcomes.get(Labels.allocation(k, allocationServer));
            if (o != null) resolved++;
            if (Rfc5780Verdict.mapped(o) != null) ready.add(o);
        }
        if (ready.size() < 2) {
            if (resolved == candidates) hairpinSent = true; // not enough answers: not tested
            return;
        }
        Outcome a = ready.get(0);
        Outcome b = ready.get(1);
        InetSocketAddress mappedA = Rfc5780Verdict.mapped(a);
        InetSocketAddress mappedB = Rfc5780Verdict.mapped(b);
        hairpinSent = true;
        if (mappedA.equals(a.exchange().local()) || mappedB.equals(b.exchange().local())) return; // no NAT here
        // Each side sends a token to the other's public address; the first one also opens the sender's
        // filter for the other's public address, so even a port-restricted NAT that hairpins lets one through.
        send(Labels.HAIRPIN_A, a.exchange().socket(), mappedB, StunMessage.bindingRequest(), false);
        send(Labels.HAIRPIN_B, b.exchange().socket(), mappedA, StunMessage.bindingRequest(), false);
    }

    private void send(String label, int socket, InetSocketAddress to, StunMessage m, boolean connected) {
        if (!started.add(label)) throw new IllegalStateException("test started twice: " + label);
        queue.add(new Action.Send<>(label, socket, to, m, connected));
    }
}
