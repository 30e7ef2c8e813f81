package io.natprobe.cli;

import io.natprobe.classify.Classifier;
import io.natprobe.classify.NatReport;
import io.natprobe.classify.ServerInfo;
import io.natprobe.lifetime.LifetimeMeter;
import io.natprobe.lifetime.LifetimeResult;
import io.natprobe.net.UdpTransport;
import io.natprobe.path.PathHints;
import io.natprobe.path.PathProbe;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.report.ReportJson;
import io.natprobe.report.ReportText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code natprobe classify}: what kind of NAT am I behind, and what does it mean for peer-to-peer? */
@Command(name = "classify", header = "What kind of NAT am I behind, and what does it mean for peer-to-peer? (about 1 s)", mixinStandardHelpOptions = true,
        description = {
            "Finds out how the NAT or firewall in front of this machine behaves (RFC 5780): whether it keeps "
                    + "one public port per socket, who may send in, hairpinning, how it picks ports, signs of a "
                    + "carrier-grade or double NAT, and what that means for direct peer-to-peer connections. "
                    + "All independent tests run at once: a full run takes about one second.",
            "Without --server, a built-in list of public STUN servers is used.",
            "Exit codes: 0 verdict reached, 1 no complete verdict, 2 usage error, 3 no server answered."})
public final class ClassifyCommand implements Callable<Integer> {

    /** Hops the path check looks at: the home router, what is in front of it, and one more. */
    static final int PATH_HOPS = 3;
    static final java.time.Duration PATH_WAIT = java.time.Duration.ofMillis(500);
    /** Longest the classification waits for the path probes to be sent (loading libc bindings the first time). */
    static final java.time.Duration PATH_GATE = java.time.Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "H[:P]", converter = ServerAddress.Converter.class,
            description = "STUN server (IP or host name, port 3478 if omitted). Repeat to cross-check the mapping "
                    + "against several servers; the first one that supports RFC 5780 runs the full test.")
    List<ServerAddress> servers = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as JSON (schema natprobe.classify/1, docs/json-schema.md).")
    boolean json;

    @Option(names = "--lifetime", description = "Also measure how long an idle binding lives (takes as long as the lifetime, up to --max).")
    boolean lifetime;

    @Option(names = "--max", paramLabel = "S", defaultValue = "300",
            description = "With --lifetime: longest idle time to try, in seconds. Default: ${DEFAULT-VALUE}.")
    int maxSeconds;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the classification N times and report whether the runs agree. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--no-path", description = "Skip the path check (one small packet per hop to the first server, "
            + "traceroute-style) that finds a carrier-grade or double NAT in front of your router.")
    boolean noPath;

    @Mixin
    ProbeOptions probe;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1 || repeat > 100) return usage(err, "--repeat out of range (expected: 1..100): " + repeat);
        if (maxSeconds < 1 || maxSeconds > 3600) return usage(err, "--max out of range (expected: 1..3600 s): " + maxSeconds);
        try {
            probe.policy();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        List<ServerAddress> given = servers.isEmpty() ? PublicServers.list() : servers;
        List<String> problems = new ArrayList<>();
        List<InetSocketAddress> resolved = ProbeOptions.resolve(given, problems);
        problems.forEach(p -> err.println("natprobe classify: " + p));
        if (resolved.isEmpty()) {
            err.println("natprobe classify: no server to probe.");
            return ExitCodes.NO_SERVER;
        }
        // The path check runs while the classification does (it only waits for ICMP answers), but its probes
        // go out first: routers rate-limit ICMP per destination (Linux: about one a second after a short
        // burst), and the classification's hairpin tokens can draw ICMP port-unreachable from a carrier's
        // NAT that would use up the budget its time-exceeded needs (seen in the lab: hint in 2 of 6 runs).
        java.util.concurrent.CountDownLatch pathSent = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<PathHints> path = null;
        if (!noPath) {
            path = java.util.concurrent.CompletableFuture.supplyAsync(() -> PathHints.of(PathProbe.system().trace(
                    resolved.get(0), StunCodec.encode(StunMessage.bindingRequest()), PATH_HOPS, PATH_WAIT, pathSent::countDown)));
            path.whenComplete((h, e) -> pathSent.countDown());
            try {
                pathSent.await(PATH_GATE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            List<NatReport> runs = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                try (UdpTransport net = probe.transport(resolved.get(0))) {
                    runs.add(Classifier.classify(net, InstantSource.system(), probe.policy(), resolved));
                }
            }
            Map<String, Integer> votes = new LinkedHashMap<>();
            runs.forEach(r -> votes.merge(r.verdictKey(), 1, Integer::sum));
            String winner = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            NatReport report = runs.stream().filter(r -> r.verdictKey().equals(winner)).findFirst().orElseThrow();
            ReportJson.Repeat agreement = repeat == 1 ? null
                    : new ReportJson.Repeat(repeat, votes.get(winner), runs.stream().map(NatReport::verdictKey).toList());
            if (path != null && report.anyServerAnswered() && report.mapping() != io.natprobe.classify.MappingBehaviour.NONE) {
                PathHints hints = pathHints(path);
                report = report.withHints(hints.cgnat(), hints.doubleNat(), hints.warnings());
            }
            if (lifetime && report.anyServerAnswered()) {
                report = report.with(report.transactions(), report.strays(), measureLifetime(report, resolved, err));
            }
            out.print(json ? ReportJson.write(ReportJson.classify(report, agreement)) + "\n" : ReportText.classify(report, agreement));
            out.flush();
            if (!report.anyServerAnswered()) return ExitCodes.NO_SERVER;
            return report.complete() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("natprobe classify: network error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private LifetimeResult measureLifetime(NatReport report, List<InetSocketAddress> resolved, PrintWriter err) throws IOException {
        // The first server that supports RFC 5780 (RESPONSE-PORT); else the first that answered.
        int index = 0;
        for (int i = 0; i < report.servers().size(); i++) {
            if (report.servers().get(i).support() == ServerInfo.Support.RFC5780) {
                index = i;
                break;
            }
        }
        ProgressPrinter progress = new ProgressPrinter(err, Terminal.stderrIsTerminal());
        try (UdpTransport net = probe.transport(resolved.get(index))) {
            return LifetimeMeter.measure(net, InstantSource.system(), probe.policy(), resolved.get(index), maxSeconds, 1, progress);
        } finally {
            progress.finish();
        }
    }

    private static PathHints pathHints(java.util.concurrent.CompletableFuture<PathHints> path) {
        try {
            return path.get(PATH_WAIT.toMillis() + 2000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The path check is a hint: without it the report is still complete.
            return new PathHints(false, false, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PathHints(false, false, List.of());
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("natprobe classify: " + message);
        return ExitCodes.USAGE;
    }
}
