package io.natprobe.shell;

import io.natprobe.log.EventType;
import io.natprobe.log.JsonlPacketLog;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PcapPacketLog;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PunchException;
import io.natprobe.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "save", header = "Save the log (JSONL), the packets (pcap) or the report (HTML).", description = {
    "Saves what happened for the ticket:",
    "  save log FILE     both sides' events as JSON lines (docs/json-schema.md)",
    "  save pcap FILE    this side's packets as a pcap file (open it in Wireshark)",
    "  save report FILE  the support report (HTML) and its inputs: FILE.log.jsonl, and FILE.classify.json",
    "                    if `classify` ran; `natprobe report` reads them too"})
final class SaveStep extends Step {

    enum What { log, pcap, report }

    @Parameters(index = "0", paramLabel = "log|pcap|report", description = "What to save.")
    What what;

    @Parameters(index = "1", paramLabel = "FILE", description = "Where to save it.")
    Path file;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    SaveStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws IOException {
        return switch (what) {
            case log -> saveLog(file);
            case pcap -> savePcap();
            case report -> saveReport();
        };
    }

    private void checkFree(Path p) {
        if (!force && Files.exists(p)) {
            throw ShellError.usage(p + " exists; add --force to overwrite it");
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw ShellError.failed("cannot write " + p + ": no directory " + dir);
        }
    }

    private int saveLog(Path target) throws IOException {
        checkFree(target);
        List<PacketEvent> events = bothSides();
        JsonlPacketLog out = JsonlPacketLog.create(target);
        events.forEach(out::onEvent);
        out.close();
        ctx.out.println("saved " + plural(events.size(), "event") + " to " + target + " (JSON lines)");
        return 0;
    }

    /** The merged timeline when the peer's log can be fetched, else what this shell saw. */
    private List<PacketEvent> bothSides() {
        PeerLink link = ctx.linkOrNull();
        if (link != null) {
            try {
                return link.timeline(TimelineStep.FETCH_WAIT, ctx::isCancelled);
            } catch (PunchException e) {
                ctx.err.println("the peer's log is not available (" + e.getMessage() + "); saving this side's events only");
            }
        }
        return ctx.recorder.events();
    }

    private int savePcap() throws IOException {
        checkFree(file);
        List<PacketEvent> own = new ArrayList<>();
        for (PacketEvent e : ctx.recorder.events()) {
            if (e.origin() == Origin.SELF && (e.type() == EventType.SENT || e.type() == EventType.RECEIVED)) {
                own.add(e);
            }
        }
        PcapPacketLog out = PcapPacketLog.create(file);
        own.forEach(out::onEvent);
        out.close();
        ctx.out.println("saved " + plural(own.size(), "packet") + " of this side to " + file + " (pcap; open it in Wireshark)");
        return 0;
    }

    private int saveReport() throws IOException {
        checkFree(file);
        String base = file.toString().replaceFirst("\\.html?$", "");
        List<Path> inputs = new ArrayList<>();
        Path log = Path.of(base + ".log.jsonl");
        checkFree(log);
        saveLog(log);
        inputs.add(log);
        if (ctx.lastClassify() != null) {
            Path classify = Path.of(base + ".classify.json");
            checkFree(classify);
            Files.writeString(classify, ReportJson.write(ReportJson.classify(ctx.lastClassify(), null)) + "\n", StandardCharsets.UTF_8);
            inputs.add(classify);
        }
        List<String> names = inputs.stream().map(Path::toString).toList();
        ctx.out.println("saved the report inputs: " + String.join(", ", names));
        if (ReportHook.RENDERER.isEmpty()) {
            throw ShellError.failed("this natprobe cannot render the report itself yet (`natprobe report` is not built in);"
                    + " the inputs above hold everything it needs");
        }
        PeerLink link = ctx.linkOrNull();
        String self = link == null || link.status().role() == null ? "A" : link.status().role().name();
        ReportHook.RENDERER.get().render(inputs, self, file);
        ctx.out.println("saved the report to " + file);
        return 0;
    }
}
