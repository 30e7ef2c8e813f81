package io.natprobe.cli;

import io.natprobe.log.JsonlPacketLog;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLog;
import io.natprobe.log.PcapPacketLog;
import io.natprobe.punch.LiveLines;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PeerLinks;
import io.natprobe.punch.PunchException;
import io.natprobe.punch.PunchJson;
import io.natprobe.punch.PunchOptions;
import io.natprobe.punch.PunchResult;
import io.natprobe.punch.PunchText;
import io.natprobe.rendezvous.SessionCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code natprobe punch}: one whole hole-punching attempt between two peers, for scripts and support. */
@Command(name = "punch", header = "Try a UDP hole punch with a peer, both directions, and say why it worked or not.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Tries to open a direct UDP path between this computer and a peer through both NATs (UDP hole",
            "punching), and says why it worked or not. Run it on both sides with the same session code:",
            "one side uses --session new and reads the printed code to the other side.",
            "Every packet is shown as it happens; --log and --pcap keep them (the pcap opens in Wireshark).",
            "Exit codes: 0 connected, 1 failed, 2 usage error, 3 the rendezvous server did not answer."})
public final class PunchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rendezvous", required = true, paramLabel = "H:P", converter = ServerAddress.Converter.class,
            description = "The natprobe server that introduces the two peers (port 3478 if omitted).")
    ServerAddress rendezvous;

    @Option(names = "--session", required = true, paramLabel = "CODE|new",
            description = "The session code from the other side (e.g. 4817-orbit-lantern), or `new` to create one.")
    String session;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "all",
            description = "stepwise, simultaneous, predict, birthday or all (each in turn). Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--direction", paramLabel = "D", defaultValue = "both",
            description = "a-first, b-first or both (A is the side that registered first). Default: ${DEFAULT-VALUE}.")
    String direction;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "5",
            description = "Seconds each attempt may take. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "100",
            description = "Milliseconds between probes. Default: ${DEFAULT-VALUE}.")
    int intervalMs;

    @Option(names = "--wait", paramLabel = "S", defaultValue = "120",
            description = "Seconds to wait for the other side to join. Default: ${DEFAULT-VALUE}.")
    int waitSeconds;

    @Option(names = "--bind", paramLabel = "IP", description = "Local address to send from (default: any).")
    String bind;

    @Option(names = "--json", description = "Print the verdict as JSON (schema natprobe.punch/1, docs/json-schema.md).")
    boolean json;

    @Option(names = "--log", paramLabel = "FILE", description = "Write every packet event as JSON lines (both sides at the end).")
    Path logFile;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Write every packet as a pcap file (Wireshark decodes it as STUN).")
    Path pcapFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the support report (one self-contained HTML file, as `natprobe report`).")
    java.nio.file.Path report;

    @Option(names = "--quiet", description = "Do not print the packets as they happen.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PunchOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("natprobe punch: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SessionCode code = null;
        if (!session.equalsIgnoreCase("new")) {
            try {
                code = SessionCode.parse(session);
            } catch (IllegalArgumentException e) {
                err.println("natprobe punch: --session: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        InetSocketAddress server;
        InetSocketAddress local;
        try {
            server = rendezvous.resolve();
            local = bind == null ? null : new InetSocketAddress(InetAddress.getByName(bind), 0);
        } catch (UnknownHostException e) {
            err.println("natprobe punch: cannot resolve " + e.getMessage());
            return ExitCodes.NO_SERVER;
        }
        List<PacketLog> sinks = new ArrayList<>();
        JsonlPacketLog jsonl = null;
        PcapPacketLog pcap = null;
        try {
            if (logFile != null) {
                jsonl = JsonlPacketLog.create(logFile);
                sinks.add(jsonl);
            }
            if (pcapFile != null) {
                pcap = PcapPacketLog.create(pcapFile);
                sinks.add(pcap);
            }
        } catch (IOException e) {
            err.println("natprobe punch: cannot write " + e.getMessage());
            closeAll(sinks);
            return ExitCodes.USAGE;
        }
        PrintWriter live = json ? err : out;
        if (!quiet) {
            sinks.add(new LiveLines(live, System.console() != null && System.getenv("NO_COLOR") == null));
        }
        PacketLog log = PacketLog.tee(sinks.toArray(PacketLog[]::new));
        try (PeerLink link = PeerLinks.open(server, local, log, InstantSource.system())) {
            try {
                if (code == null) {
                    code = link.createSession();
                    live.println("Session code: " + code + "   (on the other side: natprobe punch --rendezvous "
                            + rendezvous + " --session " + code + ")");
                } else {
                    link.join(code);
                }
            } catch (PunchException e) {
                err.println("natprobe punch: " + e.getMessage());
                return link.serverAnswered() ? ExitCodes.FAILED : ExitCodes.NO_SERVER;
            }
            live.flush();
            long end = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
            while (link.status().peerReflexive() == null && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            if (link.status().peerReflexive() == null) {
                err.println("natprobe punch: the other side did not join session " + code + " within " + waitSeconds
                        + " s: run `natprobe punch --rendezvous " + rendezvous + " --session " + code + "` there");
                return ExitCodes.FAILED;
            }
            PunchResult result = link.punch(options, () -> false);
            var status = link.status(); // before the peer leaves
            List<PacketEvent> merged = link.timeline(Duration.ofSeconds(4), () -> false);
            for (PacketEvent e : merged) {
                if (e.origin() == Origin.PEER) {
                    if (jsonl != null) {
                        jsonl.onEvent(e);
                    }
                    if (pcap != null) {
                        pcap.onEvent(e);
                    }
                }
            }
            var resultJson = PunchJson.toJson(status, link.selfNat(), link.peerNat(), result);
            if (json) {
                out.println(resultJson.toPrettyString());
            } else {
                PunchText.print(out, status, result);
            }
            if (report != null) {
                writeReport(status, resultJson, merged, err);
            }
            out.flush();
            return result.connected() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (PunchException e) {
            err.println("natprobe punch: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        } finally {
            log.close();
        }
    }

    /** The support report of this attempt; a failure to write it is said, not fatal to the verdict. */
    private void writeReport(io.natprobe.punch.LinkStatus status, com.fasterxml.jackson.databind.JsonNode resultJson,
            List<PacketEvent> merged, PrintWriter err) {
        io.natprobe.report.support.Side side = status.role() == io.natprobe.rendezvous.Role.B
                ? io.natprobe.report.support.Side.B : io.natprobe.report.support.Side.A;
        var inputs = io.natprobe.report.support.ReportInputs.builder()
                .punch(side, resultJson)
                .events(side, merged)
                .source("natprobe punch, session " + status.session())
                .build();
        try {
            io.natprobe.report.support.SupportReport.writeHtml(report, inputs);
            err.println("natprobe punch: wrote the support report to " + report);
        } catch (java.io.IOException e) {
            err.println("natprobe punch: could not write the report " + report + ": " + e.getMessage());
        }
    }

    PunchOptions options() {
        PunchOptions.Strategy s;
        PunchOptions.Direction d;
        try {
            s = PunchOptions.Strategy.valueOf(strategy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--strategy must be stepwise, simultaneous, predict, birthday or all, not '"
                    + strategy + "'");
        }
        try {
            d = PunchOptions.Direction.valueOf(direction.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--direction must be a-first, b-first or both, not '" + direction + "'");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new IllegalArgumentException("--timeout out of range (expected: 1..300 s): " + timeoutSeconds);
        }
        if (intervalMs < 10 || intervalMs > 5000) {
            throw new IllegalArgumentException("--interval out of range (expected: 10..5000 ms): " + intervalMs);
        }
        if (waitSeconds < 1 || waitSeconds > 3600) {
            throw new IllegalArgumentException("--wait out of range (expected: 1..3600 s): " + waitSeconds);
        }
        return new PunchOptions(s, d, Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(intervalMs));
    }

    private static void closeAll(List<PacketLog> logs) {
        logs.forEach(PacketLog::close);
    }
}
