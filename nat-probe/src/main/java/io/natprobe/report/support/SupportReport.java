package io.natprobe.report.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The support report: one self-contained HTML file (or plain text for a ticket) that explains whether
 * two peers can talk directly and shows it packet by packet. The entry point for {@code natprobe
 * report}, the shell's {@code save report FILE} and {@code natprobe punch --report FILE}:
 * <pre>
 *   ReportInputs in = ReportInputs.builder()
 *           .classification(Side.A, ReportJson.classify(natReport, null))
 *           .punch(Side.A, punchJson)                 // natprobe.punch/1 object
 *           .events(Side.A, peerLink.timeline(...))   // SELF events are A's, PEER events B's
 *           .build();
 *   SupportReport.writeHtml(Path.of("report.html"), in);
 * </pre>
 */
public final class SupportReport {
    private SupportReport() {}

    public static String html(ReportInputs inputs) {
        return HtmlReport.render(Report.of(inputs));
    }

    public static String text(ReportInputs inputs) {
        return TextReport.render(Report.of(inputs));
    }

    /** The verdict alone (e.g. for an exit code or a one-line summary). */
    public static Verdict verdict(ReportInputs inputs) {
        return Report.of(inputs).verdict();
    }

    public static void writeHtml(Path out, ReportInputs inputs) throws IOException {
        write(out, html(inputs));
    }

    public static void writeText(Path out, ReportInputs inputs) throws IOException {
        write(out, text(inputs));
    }

    /** Writes to a temporary file next to {@code out} and moves it into place, so a reader never sees half a report. */
    private static void write(Path out, String content) throws IOException {
        if (Files.isDirectory(out)) {
            throw new IOException(out + " is a directory");
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".natprobe-report", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
