package io.natprobe.lab;

import io.natprobe.lab.AgentClient.ProbeOutcome;
import io.natprobe.lab.AgentClient.Received;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Shows with raw UDP probes that one router does what it is configured to do: packets that must
 * pass do, packets that must be dropped are. Uses only the lab's own agents (never the classifier
 * it is meant to judge): one in the server namespace (203.0.113.1 and .2) and one on the router's
 * first host. Every check uses fresh sockets, so one check's conntrack entries cannot bias another
 * (the stuntman pitfall in NAT-FACTS.md).
 */
public final class RouterSelfCheck {

    /** Timeouts longer than this are not waited for. */
    public static final int MAX_WAITED_TIMEOUT = 12;
    private static final long WAIT = 600;
    private static final long MARGIN_MS = 1500;

    private final Lab lab;
    private final RouterPlan router;
    private final Expectation expect;
    private final AgentClient server;
    private final AgentClient host;
    private final int base;
    private final String s1 = LabPlan.SERVER_PRIMARY;
    private final String s2 = LabPlan.SERVER_ALTERNATE;
    private final int attempts;
    private int seq;

    public RouterSelfCheck(Lab lab, RouterPlan router) {
        this.lab = lab;
        this.router = router;
        this.expect = Expectation.of(router.spec());
        this.server = lab.agent(lab.plan().serverNamespace());
        this.host = lab.agent(router.hosts().get(0).namespace());
        this.base = 20000 + 10 * lab.plan().routers().indexOf(router);
        // With random loss a packet that must pass is sent several times; one that must be dropped too.
        this.attempts = expect.lossPercent() > 0 ? 6 : 1;
    }

    /** Runs every check; never throws for a behaviour mismatch (that is a FAIL result). */
    public List<CheckResult> run() {
        String p = router.name() + ".";
        server.bind(p + "a1", s1, base);
        server.bind(p + "a2", s1, base + 1);
        server.bind(p + "b1", s2, base);
        server.bind(p + "loss", s1, base + 2);
        server.bind(p + "t1", s1, base + 3);
        server.bind(p + "t2", s1, base + 4);
        List<CheckResult> out = new ArrayList<>();
        // The timeout checks mostly wait: run them alongside the others.
        CompletableFuture<List<CheckResult>> timeouts = CompletableFuture.supplyAsync(this::timeouts, LabExecutors.POOL);
        out.add(mapping());
        out.add(filtering());
        out.add(hairpin());
        out.add(inbound());
        out.add(icmp());
        out.add(loss());
        out.addAll(timeouts.join());
        return out;
    }

    CheckResult mapping() {
        String h = sock("map");
        int local = host.bind(h, "0.0.0.0", 0);
        Optional<Received> a = deliverUp(h, "a1", s1, base);
        Optional<Received> b = deliverUp(h, "a2", s1, base + 1);
        Optional<Received> c = deliverUp(h, "b1", s2, base);
        host.closeSocket(h);
        if (a.isEmpty() || b.isEmpty() || c.isEmpty()) {
            return CheckResult.judged("mapping", expect.mappingLabel(), "no outbound connectivity", false);
        }
        int pa = a.get().port(), pb = b.get().port(), pc = c.get().port();
        MappingBehavior m = pa != pb ? MappingBehavior.ADDRESS_AND_PORT_DEPENDENT
                : pa != pc ? MappingBehavior.ADDRESS_DEPENDENT : MappingBehavior.ENDPOINT_INDEPENDENT;
        String label = m.abbreviation() + (m == MappingBehavior.ENDPOINT_INDEPENDENT && pa != local ? "(no port preservation)" : "");
        String detail = " [local " + local + " -> " + a.get().address() + " " + pa + "/" + pb + "/" + pc + "]";
        boolean ok = label.equals(expect.mappingLabel()) && a.get().address().equals(router.publicAddress());
        return CheckResult.judged("mapping", expect.mappingLabel(), label + detail, ok);
    }

    CheckResult filtering() {
        String h = sock("flt");
        host.bind(h, "0.0.0.0", 0);
        Optional<Received> up = deliverUp(h, "a1", s1, base);
        if (up.isEmpty()) {
            return CheckResult.judged("filter", expect.filtering().abbreviation(), "no outbound connectivity", false);
        }
        int pub = up.get().port();
        boolean otherAddress = reachesHost("b1", pub, h, true);
        boolean otherPort = reachesHost("a2", pub, h, true);
        boolean same = reachesHost("a1", pub, h, true);
        host.closeSocket(h);
        String measured = !same ? "nothing gets in"
                : otherAddress ? FilteringBehavior.ENDPOINT_INDEPENDENT.abbreviation()
                : otherPort ? FilteringBehavior.ADDRESS_DEPENDENT.abbreviation()
                : FilteringBehavior.ADDRESS_AND_PORT_DEPENDENT.abbreviation();
        return CheckResult.of("filter", expect.filtering().abbreviation(), measured);
    }

    CheckResult hairpin() {
        String expected = router.spec().hairpin() ? "on" : "off";
        String a = sock("hpa");
        String b = sock("hpb");
        host.bind(a, "0.0.0.0", 0);
        host.bind(b, "0.0.0.0", 0);
        Optional<Received> up = deliverUp(a, "a1", s1, base);
        if (up.isEmpty()) {
            return CheckResult.judged("hairpin", expected, "no outbound connectivity", false);
        }
        // Behind a carrier the router's own WAN is 100.64.x.2; the (port preserving) carrier kept the port.
        Optional<Received> got = Optional.empty();
        for (int i = 0; i < attempts && got.isEmpty(); i++) {
            String word = word("hp");
            keepAlive(a);
            host.send(b, router.wanAddress(), up.get().port(), word);
            got = receiveWord(host, a, word);
        }
        host.closeSocket(a);
        host.closeSocket(b);
        if (got.isEmpty()) {
            return CheckResult.of("hairpin", expected, "off");
        }
        boolean publicSource = got.get().address().equals(router.wanAddress());
        return CheckResult.judged("hairpin", expected, "on (arrived from " + got.get().from() + ")",
                expected.equals("on") && publicSource);
    }

    CheckResult inbound() {
        String expected = router.spec().inbound().term();
        if (router.carrier().isPresent()) {
            return CheckResult.skipped("inbound", expected, "behind a carrier NAT the server cannot reach this router");
        }
        String h = sock("inb");
        int port = host.bind(h, "0.0.0.0", 0);
        ProbeOutcome icmp = ProbeOutcome.SILENT;
        for (int i = 0; i < attempts && icmp == ProbeOutcome.SILENT; i++) {
            icmp = server.probe(router.name() + ".a1", router.publicAddress(), port, WAIT);
        }
        boolean entry = conntrackHas(router, "--orig-port-dst", port);
        String measured;
        if (entry) {
            // The router's stack took it: conntrack confirmed an entry (NAT-FACTS.md); a host now sending
            // from that port to the same server clashes with it and a port-preserving NAT must pick another.
            String clash = "";
            if (expect.mapping() == MappingBehavior.ENDPOINT_INDEPENDENT && expect.preservePort()) {
                Optional<Received> up = deliverUp(h, "a1", s1, base);
                clash = up.map(r -> r.port() == port ? ", port kept" : ", port " + port + " taken: host got " + r.port())
                        .orElse("");
            }
            measured = "kernel (conntrack entry" + (icmp == ProbeOutcome.UNREACHABLE ? ", ICMP" : "") + clash + ")";
        } else {
            measured = icmp == ProbeOutcome.UNREACHABLE ? "reject" : "drop";
        }
        host.closeSocket(h);
        return CheckResult.judged("inbound", expected, measured, measured.startsWith(expected));
    }

    CheckResult icmp() {
        String expected = router.spec().icmp().term();
        String h = sock("icmp");
        host.bind(h, "0.0.0.0", 0);
        Optional<Received> up = deliverUp(h, "a1", s1, base);
        if (up.isEmpty()) {
            return CheckResult.judged("icmp", expected, "no outbound connectivity", false);
        }
        // The host closes its socket; the server's next packet is a reply conntrack lets in, the host
        // answers with ICMP port unreachable, and the router forwards it out (or not).
        host.closeSocket(h);
        ProbeOutcome o = ProbeOutcome.SILENT;
        for (int i = 0; i < attempts && o == ProbeOutcome.SILENT; i++) {
            o = server.probe(router.name() + ".a1", router.publicAddress(), up.get().port(), WAIT);
        }
        String measured = o == ProbeOutcome.UNREACHABLE ? "forward" : o == ProbeOutcome.SILENT ? "block" : "answered?";
        return CheckResult.of("icmp", expected, measured);
    }

    CheckResult loss() {
        int n = 300;
        String h = sock("loss");
        host.bind(h, "0.0.0.0", 0);
        // The server is already receiving when the host sends, so its socket buffer never overflows.
        server.listen(router.name() + ".loss", n, 3000);
        host.sendMany(h, s1, base + 2, n, "loss");
        int got = server.counted(router.name() + ".loss", 3000);
        host.closeSocket(h);
        double p = expect.lossPercent() / 100.0;
        double measured = 1.0 - got / (double) n;
        // Binomial spread: allow 4 standard deviations (and 2 points for a lossless router).
        double tolerance = Math.max(0.02, 4 * Math.sqrt(p * (1 - p) / n));
        String m = String.format("%.0f%% (%d/%d arrived)", measured * 100, got, n);
        return CheckResult.judged("loss", expect.lossPercent() + "%", m, Math.abs(measured - p) <= tolerance);
    }

    List<CheckResult> timeouts() {
        List<CheckResult> out = new ArrayList<>();
        if (expect.udpTimeout() > MAX_WAITED_TIMEOUT || expect.streamTimeout() > MAX_WAITED_TIMEOUT) {
            String why = "not waited for (longer than " + MAX_WAITED_TIMEOUT + " s; use timeout=S and stream-timeout=S)";
            out.add(CheckResult.skipped("timeout", expect.udpTimeout() + " s", why));
            out.add(CheckResult.skipped("stream", expect.streamTimeout() + " s", why));
            return out;
        }
        CompletableFuture<CheckResult> stream = CompletableFuture.supplyAsync(this::streamTimeout, LabExecutors.POOL);
        out.add(oneWayTimeout());
        out.add(stream.join());
        return out;
    }

    private CheckResult oneWayTimeout() {
        String expected = "present at " + (expect.udpTimeout() * 1000 - MARGIN_MS) / 1000.0 + " s, gone at "
                + (expect.udpTimeout() * 1000 + MARGIN_MS) / 1000.0 + " s";
        String h = sock("to1");
        int local = host.bind(h, "0.0.0.0", 0);
        Optional<Received> up = deliverUp(h, "t1", s1, base + 3);
        long sent = System.nanoTime();
        if (up.isEmpty()) {
            return CheckResult.judged("timeout", expected, "no outbound connectivity", false);
        }
        return expiry("timeout", expected, h, local, up.get().port(), "t1", sent, expect.udpTimeout());
    }

    private CheckResult streamTimeout() {
        String expected = "present at " + (expect.streamTimeout() * 1000 - MARGIN_MS) / 1000.0 + " s, gone at "
                + (expect.streamTimeout() * 1000 + MARGIN_MS) / 1000.0 + " s";
        String h = sock("to2");
        int local = host.bind(h, "0.0.0.0", 0);
        Optional<Received> up = deliverUp(h, "t2", s1, base + 4);
        if (up.isEmpty() || !reachesHost("t2", up.get().port(), h, false)) {
            return CheckResult.judged("stream", expected, "no two-way connectivity", false);
        }
        // Conntrack switches a UDP flow to the stream timeout when it sees a packet more than 2 s
        // after the first reply (nf_conntrack_proto_udp.c): send one more after that.
        sleep(2200);
        up = deliverUp(h, "t2", s1, base + 4);
        long sent = System.nanoTime();
        if (up.isEmpty()) {
            return CheckResult.judged("stream", expected, "no outbound connectivity", false);
        }
        return expiry("stream", expected, h, local, up.get().port(), "t2", sent, expect.streamTimeout());
    }

    private CheckResult expiry(String check, String expected, String h, int local, int pub, String serverSock,
                               long sentNanos, int timeout) {
        sleepUntil(sentNanos, timeout * 1000L - MARGIN_MS);
        boolean before = conntrackHas(router, "--orig-port-src", local);
        sleepUntil(sentNanos, timeout * 1000L + MARGIN_MS);
        boolean afterEntry = conntrackHas(router, "--orig-port-src", local);
        boolean afterInbound = reachesHost(serverSock, pub, h, false);
        host.closeSocket(h);
        String measured = (before ? "present" : "gone") + " at " + (timeout * 1000 - MARGIN_MS) / 1000.0 + " s, "
                + (afterEntry || afterInbound ? "present" : "gone") + " at " + (timeout * 1000 + MARGIN_MS) / 1000.0 + " s";
        return CheckResult.of(check, expected, measured);
    }

    /** Sends from the host until the server socket sees it (several tries on a lossy router). */
    private Optional<Received> deliverUp(String hostSock, String serverSock, String ip, int port) {
        for (int i = 0; i < Math.max(attempts, 2); i++) {
            String word = word("up");
            host.send(hostSock, ip, port, word);
            Optional<Received> r = receiveWord(server, router.name() + "." + serverSock, word);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a packet from a server socket to the router's public address and {@code pub} reaches
     * the host socket. With {@code keepAlive} the host first refreshes its binding towards the
     * primary server endpoint (several tries on a lossy router can outlast a 3 s timeout).
     */
    private boolean reachesHost(String serverSock, int pub, String hostSock, boolean keepAlive) {
        for (int i = 0; i < attempts; i++) {
            if (keepAlive) {
                keepAlive(hostSock);
            }
            String word = word("down");
            server.send(router.name() + "." + serverSock, router.publicAddress(), pub, word);
            if (receiveWord(host, hostSock, word).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void keepAlive(String hostSock) {
        host.send(hostSock, s1, base, word("keepalive"));
    }

    /** Receives until the expected word arrives (late duplicates of earlier probes are skipped). */
    private static Optional<Received> receiveWord(AgentClient agent, String sock, String word) {
        long deadline = System.nanoTime() + WAIT * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return Optional.empty();
            }
            Optional<Received> r = agent.receive(sock, left);
            if (r.isEmpty() || r.get().word().equals(word)) {
                return r;
            }
        }
    }

    private boolean conntrackHas(RouterPlan r, String option, int port) {
        CommandResult res = lab.runner().run(Command.inNamespace(r.namespace(), "reading conntrack", "",
                "conntrack", "-L", "-p", "udp", option, String.valueOf(port)));
        return res.stdout().lines().anyMatch(l -> l.contains("port=" + port));
    }

    private synchronized String sock(String what) {
        return what + "." + (++seq);
    }

    private synchronized String word(String what) {
        return router.name() + "-" + what + "-" + (++seq);
    }

    private static void sleepUntil(long startNanos, long afterMillis) {
        long left = afterMillis - (System.nanoTime() - startNanos) / 1_000_000L;
        if (left > 0) {
            sleep(left);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        }
    }
}
