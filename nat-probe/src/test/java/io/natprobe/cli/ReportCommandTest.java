package io.natprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.log.PacketEventJson;
import io.natprobe.report.support.ReportFixturesAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code natprobe report} in-process: files in, HTML or text out, clear errors and exit codes. */
class ReportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    @TempDir
    Path dir;
    Path a;
    Path b;
    Path logA;
    Path logB;

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @BeforeEach
    void files() throws Exception {
        a = Files.writeString(dir.resolve("a.json"), ReportFixturesAccess.classificationA());
        b = Files.writeString(dir.resolve("b.json"), ReportFixturesAccess.classificationB());
        logA = dir.resolve("a.jsonl");
        logB = dir.resolve("b.jsonl");
        StringBuilder sa = new StringBuilder();
        ReportFixturesAccess.logA().forEach(e -> sa.append(PacketEventJson.toLine(e)).append('\n'));
        Files.writeString(logA, sa);
        StringBuilder sb = new StringBuilder();
        ReportFixturesAccess.logB().forEach(e -> sb.append(PacketEventJson.toLine(e)).append('\n'));
        Files.writeString(logB, sb);
    }

    @Test
    void writesHtmlFromClassificationsAndBothLogs() throws Exception {
        Path html = dir.resolve("r.html");
        assertThat(run(a.toString(), b.toString(), logB.toString(), logA.toString(), "--html", html.toString())).isEqualTo(0);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "class=\"arrow lost kind-punch\"");
        assertThat(page).contains("a.jsonl: packet log of side A (12 events)", "b.jsonl: packet log of side B (5 events)");
        assertThat(err.toString()).isEqualTo("natprobe report: wrote " + html + "\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void textGoesToStandardOutputOrToAFile() throws Exception {
        assertThat(run(logA.toString(), "--side", "B=" + logB, "--text")).isEqualTo(0);
        assertThat(out.toString()).startsWith("natprobe support report\n\nVerdict: ").contains("Ladder (time downwards");
        Path t = dir.resolve("r.txt");
        out.getBuffer().setLength(0);
        assertThat(run(logA.toString(), "--text", "--out", t.toString())).isEqualTo(0);
        assertThat(Files.readString(t)).contains("Packet log (12 events");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileNamedTwiceWithDifferentSpellingsIsReadOnce() {
        String dotted = dir.resolve(".").resolve(b.getFileName()).toString();
        assertThat(run(a.toString(), dotted, "--side", "A=" + b, "--text")).isEqualTo(0);
        assertThat(out.toString()).contains(b + ": classification of side A", a + ": classification of side B");
    }

    @Test
    void anUnrecognisedFileIsNamedAndExitsOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("notes.txt"), "the customer says it does not work\n");
        assertThat(run(a.toString(), bad.toString(), "--text")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("natprobe report: " + bad + " line 1: not recognised: neither a natprobe JSON output "
                + "nor a JSONL packet log (a line starts with \"the customer says it doe...\")\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run(a.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("natprobe report: say what to write: --html OUT.html and/or --text\n");
        err.getBuffer().setLength(0);
        assertThat(run("--text")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("natprobe report: no input files");
        err.getBuffer().setLength(0);
        assertThat(run(a.toString(), "--side", "C=" + b, "--text")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("natprobe report: --side expects A=FILE or B=FILE, not \"C=");
        err.getBuffer().setLength(0);
        Path c = Files.copy(a, dir.resolve("c.json"));
        assertThat(run(a.toString(), b.toString(), c.toString(), "--text")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("more than two classification files");
        err.getBuffer().setLength(0);
        assertThat(run(a.toString(), "--html", dir.resolve("x.html").toString(), "--out", "y")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(a.toString(), "--bogus")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnwritableOutputIsAClearErrorNotATrace() {
        assertThat(run(a.toString(), "--html", dir.resolve("no/such/dir/r.html").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("natprobe report: cannot write " + dir.resolve("no/such/dir/r.html")
                + ": the directory " + dir.resolve("no/such/dir") + " does not exist\n");
        err.getBuffer().setLength(0);
        Path isDir = dir.resolve("adir");
        assertThat(isDir.toFile().mkdir()).isTrue();
        assertThat(run(a.toString(), "--html", isDir.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("natprobe report: cannot write the report: " + isDir + " is a directory\n");
        assertThat(isDir).isDirectory();
    }
}
