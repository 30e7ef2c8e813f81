package io.natprobe.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * THE REPORT PLUG (issue 8): `save report FILE` writes the report's inputs next to FILE (the packet
 * log of both sides as JSONL, and the classification JSON if `classify` ran), then hands them to
 * {@link #RENDERER} with the side this shell is (A or B). When `natprobe report` is on this branch,
 * RENDERER becomes the report module's reader + assembler + HTML writer.
 */
final class ReportHook {

    /** Renders the report file from its inputs. */
    @FunctionalInterface
    interface Renderer {
        /** @param self "A" or "B": whose files these are (the log also holds the peer's events) */
        void render(List<Path> inputs, String self, Path out) throws IOException;
    }

    static final Optional<Renderer> RENDERER = Optional.empty();

    private ReportHook() {}
}
