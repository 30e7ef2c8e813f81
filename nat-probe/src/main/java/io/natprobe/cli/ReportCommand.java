package io.natprobe.cli;

import io.natprobe.report.support.InputAssembler;
import io.natprobe.report.support.InputFile;
import io.natprobe.report.support.InputReader;
import io.natprobe.report.support.ReportInputException;
import io.natprobe.report.support.ReportInputs;
import io.natprobe.report.support.Side;
import io.natprobe.report.support.SupportReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code natprobe report}: one file that explains a connection problem, for handing over. */
@Command(name = "report", header = "One self-contained support report (HTML or text) from natprobe outputs.", mixinStandardHelpOptions = true,
        description = {
            "Makes one support report from natprobe outputs: the verdict in plain words,",
            "how each side's NAT behaves and the evidence, binding lifetimes, a ladder",
            "diagram of every packet between host A, NAT A, the server, NAT B and host B",
            "(drops and ICMP errors marked), and the full packet table.",
            "Inputs, recognised by their content: the JSON of natprobe classify, lifetime",
            "and punch, and JSONL packet logs, from one or both sides. The first file of",
            "a kind is side A's, the second side B's, unless --side says otherwise.",
            "Exit codes: 0 report written, 1 an input is not a natprobe output,",
            "2 usage error."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files (JSON or JSONL).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--side", paramLabel = "A|B=FILE",
            description = "Which side a file belongs to, e.g. --side B=theirs.jsonl (read even when not listed as FILE). Repeatable.")
    List<String> sides = new ArrayList<>();

    @Option(names = "--html", paramLabel = "OUT.html", description = "Write the self-contained HTML report to this file.")
    Path html;

    @Option(names = "--text", description = "Print the report as plain text (for a ticket).")
    boolean text;

    @Option(names = "--out", paramLabel = "FILE", description = "With --text: write the text to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (html == null && !text) return usage(err, "say what to write: --html OUT.html and/or --text");
        if (out != null && !text) return usage(err, "--out is for --text (the HTML goes to the file given with --html)");
        Map<String, Side> explicit = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        for (Path f : files) {
            if (!all.contains(f.normalize())) all.add(f.normalize()); // "./a.json" and "a.json" are one file
        }
        for (String s : sides) {
            int eq = s.indexOf('=');
            String side = eq < 0 ? "" : s.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            if (eq < 0 || !(side.equals("A") || side.equals("B")) || s.substring(eq + 1).isBlank()) {
                return usage(err, "--side expects A=FILE or B=FILE, not \"" + s + "\"");
            }
            Path p = Path.of(s.substring(eq + 1).strip()).normalize();
            if (explicit.put(p.toString(), Side.valueOf(side)) != null) {
                return usage(err, "--side names " + p + " twice");
            }
            if (!all.contains(p)) all.add(p);
        }
        if (all.isEmpty()) return usage(err, "no input files (give the JSON of classify/lifetime/punch and/or JSONL packet logs)");
        List<InputFile> inputs = new ArrayList<>();
        try {
            for (Path p : all) {
                inputs.add(InputReader.read(p));
            }
        } catch (ReportInputException e) {
            err.println("natprobe report: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("natprobe report: cannot read an input: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        for (Path target : new Path[] {html, out}) {
            Path dir = target == null ? null : target.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                err.println("natprobe report: cannot write " + target + ": the directory " + dir + " does not exist");
                return ExitCodes.FAILED;
            }
        }
        ReportInputs in;
        try {
            in = InputAssembler.assemble(inputs, explicit);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try {
            if (html != null) {
                SupportReport.writeHtml(html, in);
                err.println("natprobe report: wrote " + html);
            }
            if (text) {
                if (out != null) {
                    SupportReport.writeText(out, in);
                    err.println("natprobe report: wrote " + out);
                } else {
                    spec.commandLine().getOut().print(SupportReport.text(in));
                    spec.commandLine().getOut().flush();
                }
            }
        } catch (IOException e) {
            err.println("natprobe report: cannot write the report: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("natprobe report: " + message);
        err.println("Usage: natprobe report FILE... [--side A|B=FILE]... (--html OUT.html | --text [--out FILE])");
        return ExitCodes.USAGE;
    }
}
