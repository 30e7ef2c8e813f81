package io.natprobe.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * THE REPORT PLUG (issue 8): `save report FILE` writes the report's inputs (classification JSON,
 * packet log JSONL, session JSON) next to FILE, then hands them to {@link #RENDERER}. When
 * `natprobe report` lands, RENDERER becomes
 * {@code Optional.of((inputs, out) -> <the report module's render(inputs, out)>)}.
 */
final class ReportHook {

    /** Renders the report file from its inputs. */
    @FunctionalInterface
    interface Renderer {
        void render(List<Path> inputs, Path out) throws IOException;
    }

    static final Optional<Renderer> RENDERER = Optional.empty();

    private ReportHook() {}
}
