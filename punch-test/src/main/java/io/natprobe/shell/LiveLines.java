package io.natprobe.shell;

import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLog;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The live view of the packet log: every event becomes one coloured line on the {@link Screen} as
 * it happens. Times are relative to the first event the shell saw (reset by {@code reset}).
 */
final class LiveLines implements PacketLog {
    private final Screen screen;
    private volatile Instant start;
    private volatile Predicate<PacketEvent> shown = e -> true;

    LiveLines(Screen screen) {
        this.screen = screen;
    }

    @Override
    public void onEvent(PacketEvent event) {
        Instant s = start();
        if (s == null) {
            synchronized (this) {
                if (start == null) {
                    start = event.at();
                }
            }
        }
        if (shown.test(event)) {
            screen.line(EventStyle.line(event, start));
        }
    }

    /** Where relative times count from; null before the first event. */
    Instant start() {
        return start;
    }

    void restart() {
        start = null;
    }

    /** Which events print live (all by default); the recorder keeps every event regardless. */
    void show(Predicate<PacketEvent> which) {
        shown = which;
    }
}
