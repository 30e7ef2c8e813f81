package io.natprobe.cli;

import io.natprobe.lifetime.LifetimeMeter;
import io.natprobe.lifetime.LifetimeResult;
import io.natprobe.net.TransactionRecord;
import io.natprobe.net.UdpTransport;
import io.natprobe.report.ReportJson;
import io.natprobe.report.ReportText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code natprobe lifetime}: how long does the NAT keep an idle UDP binding open? */
@Command(name = "lifetime", header = "How long does the NAT keep an idle UDP hole open? (to the second)", mixinStandardHelpOptions = true,
        description = {
            "Measures how long the NAT keeps an idle UDP binding (the \"hole\") open, after a single "
                    + "request/response and after two-way traffic, to the second, with an RFC 5780 server that "
                    + "supports RESPONSE-PORT. Many bindings are tested in parallel, so it takes about as long as "
                    + "the lifetime itself. Ends with a keepalive recommendation.",
            "Exit codes: 0 measured, 1 could not measure, 2 usage error, 3 the server did not answer."})
public final class LifetimeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "H[:P]", converter = ServerAddress.Converter.class,
            description = "RFC 5780 STUN server (IP or host name, port 3478 if omitted).")
    ServerAddress server;

    @Option(names = "--max", paramLabel = "S", defaultValue = "300",
            description = "Longest idle time to try, in seconds. Default: ${DEFAULT-VALUE}.")
    int maxSeconds;

    @Option(names = "--step", paramLabel = "S", defaultValue = "1",
            description = "Resolution in seconds (one binding per step and kind). Default: ${DEFAULT-VALUE}.")
    int stepSeconds;

    @Option(names = "--json", description = "Print the result as JSON (schema natprobe.lifetime/1, docs/json-schema.md).")
    boolean json;

    @Mixin
    ProbeOptions probe;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxSeconds < 1 || maxSeconds > 3600) return usage(err, "--max out of range (expected: 1..3600 s): " + maxSeconds);
        if (stepSeconds < 1 || stepSeconds > maxSeconds) return usage(err, "--step out of range (expected: 1..--max): " + stepSeconds);
        if (maxSeconds / stepSeconds > 1000) return usage(err, "--max / --step is " + (maxSeconds / stepSeconds)
                + " bindings per kind (expected: at most 1000; raise --step)");
        try {
            probe.policy();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<InetSocketAddress> resolved = ProbeOptions.resolve(List.of(server), problems);
        if (resolved.isEmpty()) {
            problems.forEach(p -> err.println("natprobe lifetime: " + p));
            return ExitCodes.NO_SERVER;
        }
        ProgressPrinter progress = new ProgressPrinter(err, Terminal.stderrIsTerminal());
        LifetimeResult r;
        try (UdpTransport net = probe.transport(resolved.get(0))) {
            r = LifetimeMeter.measure(net, InstantSource.system(), probe.policy(), resolved.get(0), maxSeconds, stepSeconds, progress);
        } catch (IOException e) {
            err.println("natprobe lifetime: network error: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            progress.finish();
        }
        String name = TransactionRecord.str(resolved.get(0));
        out.print(json ? ReportJson.write(ReportJson.lifetime(name, r)) + "\n" : ReportText.lifetime(name, r));
        out.flush();
        boolean anyAnswer = r.transactions().stream().anyMatch(t -> !t.outcome().startsWith("timeout"));
        if (!anyAnswer) return ExitCodes.NO_SERVER;
        return r.singleExchange() != null || r.sustained() != null ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("natprobe lifetime: " + message);
        return ExitCodes.USAGE;
    }
}
