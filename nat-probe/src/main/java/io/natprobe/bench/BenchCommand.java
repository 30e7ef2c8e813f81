package io.natprobe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.natprobe.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code natprobe bench}: a STUN Binding load generator that checks every answer. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Load a STUN server you run: answers per second, loss, latency; every answer checked.",
        description = {
            "Loads a STUN server with Binding requests and reports answers per second, loss and latency. "
                    + "Every answer is checked: its transaction id and its XOR-MAPPED-ADDRESS (must be the sender). "
                    + "Only point it at servers you run. On one machine a Java generator is itself a bottleneck: "
                    + "for server-vs-server figures use bench/server-vs-coturn.sh (a C generator)."
        })
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "IP:PORT", description = "The STUN server (an IP address and port).")
    String server;

    @Option(names = "--sockets", paramLabel = "K", description = "UDP sockets (distinct source ports) (default: ${DEFAULT-VALUE}).")
    int sockets = 8;

    @Option(names = "--window", paramLabel = "W", description = "Closed loop: requests outstanding per socket (default: ${DEFAULT-VALUE}).")
    int window = 8;

    @Option(names = "--duration", paramLabel = "S", description = "Seconds to run (default: ${DEFAULT-VALUE}).")
    double duration = 5;

    @Option(names = "--rate", paramLabel = "R", description = "Open loop: total requests per second (default: closed loop).")
    double rate;

    @Option(names = "--timeout", paramLabel = "MS", description = "A request unanswered after this is lost (default: ${DEFAULT-VALUE}).")
    long timeoutMillis = 1000;

    @Option(names = "--json", description = "Print the report as JSON (schema natprobe.bench/1).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadGenerator.Settings settings;
        try {
            settings = new LoadGenerator.Settings(parse(server), sockets, window, duration, rate, timeoutMillis);
        } catch (IllegalArgumentException e) {
            err.println("natprobe bench: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        BenchReport report;
        try {
            report = new LoadGenerator(settings).run();
        } catch (IOException e) {
            err.println("natprobe bench: cannot send to " + server + ": " + e.getMessage());
            return ExitCodes.NO_SERVER;
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out.print(report.toText());
        }
        out.flush();
        if (report.valid() == 0) {
            err.println("natprobe bench: no valid answer from " + server + ": is a STUN server running there?");
            return ExitCodes.NO_SERVER;
        }
        return report.invalid() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** IP:PORT or [IPv6]:PORT; an IP literal only (no DNS lookup). */
    static InetSocketAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server needs IP:PORT, e.g. 127.0.0.1:3478, not '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("(\\d{1,3}\\.){3}\\d{1,3}") && !host.contains(":")) {
            throw new IllegalArgumentException("--server needs an IP address, not '" + host + "'");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server port is not a number: '" + value + "'");
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("--server port out of range (expected: 1..65535): " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--server is not a valid IP address: '" + host + "'");
        }
    }
}
