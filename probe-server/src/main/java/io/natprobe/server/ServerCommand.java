package io.natprobe.server;

import io.natprobe.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code natprobe server}: parse, build a {@link ServerConfig}, start a {@link ProbeServer}, wait for SIGTERM. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the RFC 5780 STUN probe server (two addresses x two ports) for NAT classification.",
        description = {
            "Runs the STUN probe server that `natprobe classify` talks to (RFC 8489 Binding, RFC 5780 NAT "
                    + "behaviour discovery). NAT classification needs two IP addresses on this host: --primary and "
                    + "--alternate. The server listens on both addresses x both ports (four sockets) and answers "
                    + "from the other address and/or port when a client asks (CHANGE-REQUEST).",
            "Stop it with SIGTERM or Ctrl-C."
        })
public final class ServerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--primary", paramLabel = "IP", description = "Primary address to listen on (once per family: IPv4 and/or IPv6).")
    List<String> primary = new ArrayList<>();

    @Option(names = "--alternate", paramLabel = "IP", description = "Second address of the same family; without it the server runs in single-address mode and cannot support NAT classification.")
    List<String> alternate = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", description = "Primary port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--alt-port", paramLabel = "PORT", description = "Alternate port (default: ${DEFAULT-VALUE}).")
    int altPort = ServerConfig.DEFAULT_ALT_PORT;

    @Option(names = "--advertise-primary", paramLabel = "IP", description = "Public address to tell clients instead of --primary, when a cloud provider NATs it 1:1.")
    List<String> advertisePrimary = new ArrayList<>();

    @Option(names = "--advertise-alternate", paramLabel = "IP", description = "Public address to tell clients instead of --alternate.")
    List<String> advertiseAlternate = new ArrayList<>();

    @Option(names = "--software", description = "Send a SOFTWARE attribute with the natprobe version (off by default).")
    boolean software;

    @Option(names = "--no-rfc3489", description = "Do not answer classic RFC 3489 requests (those without the magic cookie).")
    boolean noRfc3489;

    @Option(names = "--rate", paramLabel = "N", description = "Replies per second allowed to one source address (default: ${DEFAULT-VALUE}).")
    double rate = RateBudget.Limits.DEFAULT.perSecond();

    @Option(names = "--burst", paramLabel = "N", description = "Replies one source address may get in a burst (default: ${DEFAULT-VALUE}).")
    int burst = RateBudget.Limits.DEFAULT.burst();

    @Option(names = "--expensive-rate", paramLabel = "N", description = "Replies per second per source address that use PADDING, RESPONSE-PORT or CHANGE-REQUEST (default: ${DEFAULT-VALUE}).")
    double expensiveRate = RateBudget.Limits.DEFAULT.expensivePerSecond();

    @Option(names = "--expensive-burst", paramLabel = "N", description = "Burst for those (default: ${DEFAULT-VALUE}).")
    int expensiveBurst = RateBudget.Limits.DEFAULT.expensiveBurst();

    @Option(names = "--no-rate-limit", description = "Turn the per-source reply budget off (benchmarks only: never on the internet).")
    boolean noRateLimit;

    @Option(names = "--metrics", paramLabel = "ADDR:PORT", description = "Serve Prometheus metrics (/metrics) and /health over HTTP here.")
    String metrics;

    @Option(names = "--log-packets", description = "Log one line per datagram to stderr (at most 20 lines a second).")
    boolean logPackets;

    @Option(names = "--no-self-check", description = "Skip the startup check that each socket answers from its advertised address.")
    boolean noSelfCheck;

    @Option(names = "--threads", paramLabel = "N", description = "Sockets and threads per address and port (SO_REUSEPORT; default: half the cores, at least 1, at most 4: ${DEFAULT-VALUE}).")
    // Half the cores: measured on 2 cores, a second thread per socket only fights the first one (and
    // the rest of the host) for the CPU: 1.10x coturn instead of 1.60x at 128 requests outstanding.
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));

    @Option(names = "--transport", paramLabel = "auto|nio|epoll", description = "Socket layer: epoll (Linux x86-64, batched recvmmsg/sendmmsg via Netty), nio (portable), or auto: epoll where available (default: ${DEFAULT-VALUE}).")
    String transport = "auto";

    @Option(names = "--receive-buffer", paramLabel = "BYTES", description = "Socket receive buffer (default: ${DEFAULT-VALUE}).")
    int receiveBuffer = ServerConfig.DEFAULT_RECEIVE_BUFFER;

    @Option(names = "--no-rendezvous", description = "Do not offer the rendezvous service for `natprobe punch` on the primary port (it is on by default).")
    boolean noRendezvous;

    @Option(names = "--config", paramLabel = "FILE", description = "Read settings from FILE (key = value lines, keys are these option names); options on the command line win.")
    Path config;

    boolean configApplied;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (config != null && !configApplied) {
            return withConfig(err);
        }
        ServerConfig cfg;
        try {
            cfg = toConfig();
        } catch (IllegalArgumentException e) {
            err.println("natprobe server: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ProbeServer server;
        try {
            server = noRendezvous
                    ? ProbeServer.start(cfg, InstantSource.system(), new PrintStream(System.err, true), null, transport())
                    : ProbeServer.startWithRendezvous(cfg, InstantSource.system(), new PrintStream(System.err, true),
                            io.natprobe.server.rendezvous.RendezvousDefaults.service(), transport());
        } catch (IOException e) {
            err.println("natprobe server: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            err.println("natprobe server: stopped");
            err.flush();
            stopped.countDown();
        }, "natprobe-server-shutdown"));
        if (cfg.selfCheck()) {
            try {
                List<String> problems = server.selfCheck();
                if (!problems.isEmpty()) {
                    err.println("natprobe server: the startup self-check failed:");
                    problems.forEach(p -> err.println("  - " + p));
                    server.close();
                    return ExitCodes.FAILED;
                }
            } catch (IOException e) {
                err.println("natprobe server: the startup self-check could not run: " + e.getMessage());
                server.close();
                return ExitCodes.FAILED;
            }
        }
        StartupText.print(out, cfg, server.metricsPort());
        if (server.receiveBuffer() < cfg.receiveBufferBytes()) {
            out.println("  Warning: the kernel granted a receive buffer of " + server.receiveBuffer() / 1024 + " KiB, not "
                    + cfg.receiveBufferBytes() / 1024 + " KiB; bursts may be dropped. Raise it with: sysctl -w"
                    + " net.core.rmem_max=" + cfg.receiveBufferBytes());
        }
        if (transport() == ProbeServer.Transport.EPOLL) {
            out.println("  Transport: epoll (batched recvmmsg/sendmmsg), " + cfg.threadsPerSocket() + " thread(s) per socket.");
        }
        out.println(noRendezvous ? "  Rendezvous for `natprobe punch`: off (--no-rendezvous)."
                : "  Rendezvous for `natprobe punch`: on, on the primary port (docs/protocol.md).");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private int withConfig(PrintWriter err) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Set<String> valued = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            String name = o.longestName().replaceFirst("^--", "");
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            (o.arity().max() == 0 ? flags : valued).add(name);
        }
        Set<String> given = new HashSet<>();
        for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
            given.add(o.longestName().replaceFirst("^--", ""));
        }
        List<String> args;
        try {
            args = ConfigFile.toArguments(config, valued, flags, given);
        } catch (IOException e) {
            err.println("natprobe server: cannot read the config file " + config + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigFile.ConfigException e) {
            err.println("natprobe server: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // Re-add what the command line said (not originalArgs(): that holds the parent command's words too).
        for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                for (String v : o.originalStringValues()) {
                    args.add(o.longestName());
                    args.add(v);
                }
            }
        }
        ServerCommand effective = new ServerCommand();
        effective.configApplied = true;
        CommandLine cl = new CommandLine(effective);
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(err);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        return cl.execute(args.toArray(String[]::new));
    }

    ProbeServer.Transport transport() {
        return switch (transport) {
            case "auto" -> EpollServerLoop.available() ? ProbeServer.Transport.EPOLL : ProbeServer.Transport.NIO;
            case "nio" -> ProbeServer.Transport.NIO;
            case "epoll" -> ProbeServer.Transport.EPOLL;
            default -> throw new IllegalArgumentException("--transport is auto, nio or epoll, not '" + transport + "'");
        };
    }

    ServerConfig toConfig() {
        transport();
        if (primary.isEmpty()) {
            throw new IllegalArgumentException("--primary IP is required (the address clients send to)");
        }
        List<InetAddress> prim = parseAll("--primary", primary);
        List<InetAddress> alt = parseAll("--alternate", alternate);
        List<InetAddress> advP = parseAll("--advertise-primary", advertisePrimary);
        List<InetAddress> advA = parseAll("--advertise-alternate", advertiseAlternate);
        List<ServerConfig.Family> families = new ArrayList<>();
        for (InetAddress p : prim) {
            families.add(new ServerConfig.Family(p, sameFamily(p, alt, "--alternate"),
                    sameFamily(p, advP, "--advertise-primary"), sameFamily(p, advA, "--advertise-alternate")));
        }
        String[] flags = {"--alternate", "--advertise-primary", "--advertise-alternate"};
        List<List<String>> texts = List.of(alternate, advertisePrimary, advertiseAlternate);
        List<List<InetAddress>> parsed = List.of(alt, advP, advA);
        for (int i = 0; i < flags.length; i++) {
            for (int j = 0; j < parsed.get(i).size(); j++) {
                InetAddress a = parsed.get(i).get(j);
                if (prim.stream().noneMatch(p -> p.getClass() == a.getClass())) {
                    String fam = a instanceof java.net.Inet6Address ? "IPv6" : "IPv4";
                    throw new IllegalArgumentException(flags[i] + " " + texts.get(i).get(j) + " is " + fam
                            + " but no --primary address is " + fam + " (pair addresses of one family)");
                }
            }
        }
        RateBudget.Limits limits = noRateLimit ? null : new RateBudget.Limits(rate, burst, expensiveRate, expensiveBurst);
        String softwareText = null;
        if (software) {
            String v = ServerCommand.class.getPackage().getImplementationVersion();
            softwareText = "natprobe " + (v == null ? "dev" : v);
        }
        return new ServerConfig(families, port, altPort, new HandlerOptions(softwareText, !noRfc3489), limits,
                metrics == null ? null : parseHostPort(metrics), logPackets, !noSelfCheck, threads, receiveBuffer);
    }

    private static InetAddress sameFamily(InetAddress primary, List<InetAddress> list, String flag) {
        InetAddress found = null;
        for (InetAddress a : list) {
            if (a.getClass() == primary.getClass()) {
                if (found != null) {
                    throw new IllegalArgumentException(flag + " given twice for one address family");
                }
                found = a;
            }
        }
        return found;
    }

    private static List<InetAddress> parseAll(String flag, List<String> values) {
        List<InetAddress> out = new ArrayList<>();
        for (String v : values) {
            out.add(literal(flag, v));
        }
        return out;
    }

    /** An IP literal only: a host name would mean a DNS lookup, and a server must know its addresses. */
    static InetAddress literal(String flag, String value) {
        String v = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean looksLiteral = v.matches("[0-9.]+") || v.contains(":");
        if (!looksLiteral) {
            throw new IllegalArgumentException(flag + " needs an IP address, not '" + value + "'");
        }
        try {
            if (v.matches("[0-9.]+") && !v.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
                throw new IllegalArgumentException(flag + " is not a valid IPv4 address: '" + value + "'");
            }
            return InetAddress.getByName(v); // a literal: no DNS lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(flag + " is not a valid IP address: '" + value + "'");
        }
    }

    static InetSocketAddress parseHostPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--metrics needs ADDR:PORT, e.g. 127.0.0.1:9478, not '" + value + "'");
        }
        InetAddress addr = literal("--metrics", value.substring(0, colon));
        int p;
        try {
            p = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--metrics port is not a number: '" + value + "'");
        }
        if (p < 0 || p > 0xFFFF) {
            throw new IllegalArgumentException("--metrics port out of range (expected: 0..65535): " + p);
        }
        return new InetSocketAddress(addr, p);
    }
}
