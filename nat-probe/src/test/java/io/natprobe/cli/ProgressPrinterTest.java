package io.natprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.lifetime.LifetimeProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void barShowsTheCurrentBounds() {
        assertThat(ProgressPrinter.text(new LifetimeProgress(150, 300, 29, 30, true, 119, null, false)))
                .isEqualTo("[===============               ] 150 s  single exchange: 29..30 s (done)  sustained: >= 119 s");
    }

    @Test
    void withoutATerminalALineEveryTenSeconds() {
        StringWriter w = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(w), false);
        for (int s = 0; s <= 25; s++) p.accept(new LifetimeProgress(s, 300, s, null, false, s, null, false));
        p.finish();
        assertThat(w.toString().lines()).hasSize(3).noneMatch(l -> l.contains("\r"));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        StringWriter w = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(w), true);
        p.accept(new LifetimeProgress(1, 10, 1, null, false, 0, null, false));
        p.accept(new LifetimeProgress(1, 10, 1, null, false, 0, null, false));
        p.accept(new LifetimeProgress(2, 10, 2, null, false, 0, null, false));
        p.finish();
        assertThat(w.toString()).startsWith("\r[").endsWith("\n");
        assertThat(w.toString().chars().filter(c -> c == '\r').count()).isEqualTo(2);
    }
}
