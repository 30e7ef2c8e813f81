package io.natprobe.shell;

import io.natprobe.report.support.InputAssembler;
import io.natprobe.report.support.InputFile;
import io.natprobe.report.support.InputReader;
import io.natprobe.report.support.ReportInputException;
import io.natprobe.report.support.Side;
import io.natprobe.report.support.SupportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * THE REPORT PLUG (issue 8): `save report FILE` writes the report's inputs next to FILE (the packet
 * log of both sides as JSONL, and the classification JSON if `classify` ran), then hands them to
 * {@link #RENDERER} with the side this shell is (A or B): the same reader, assembler and HTML writer
 * as {@code natprobe report}.
 */
final class ReportHook {

    /** Renders the report file from its inputs. */
    @FunctionalInterface
    interface Renderer {
        /** @param self "A" or "B": whose files these are (the log also holds the peer's events) */
        void render(List<Path> inputs, String self, Path out) throws IOException;
    }

    static final Optional<Renderer> RENDERER = Optional.of(ReportHook::render);

    private ReportHook() {}

    private static void render(List<Path> inputs, String self, Path out) throws IOException {
        List<InputFile> files = new ArrayList<>();
        Map<String, Side> sides = new LinkedHashMap<>();
        try {
            for (Path p : inputs) {
                InputFile f = InputReader.read(p);
                files.add(f);
                sides.put(f.name(), Side.valueOf(self));
            }
            SupportReport.writeHtml(out, InputAssembler.assemble(files, sides));
        } catch (ReportInputException | IllegalArgumentException e) {
            throw ShellError.failed("cannot make the report: " + e.getMessage());
        }
    }
}
