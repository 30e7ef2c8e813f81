package io.natprobe.punch;

import io.natprobe.log.EventType;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLineFormat;
import io.natprobe.log.PacketLog;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * The packet log as live lines on a terminal (ANSI colours when {@code colour}): one line per event
 * in the fixed format, relative to the first event. Port-prediction guesses are thinned (the first
 * few, then a count), so a birthday attempt does not scroll everything else away.
 */
public final class LiveLines implements PacketLog {
    private static final String RESET = "\u001b[0m";
    private final PrintWriter out;
    private final boolean colour;
    private Instant start;
    private int guesses;

    public LiveLines(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    @Override
    public synchronized void onEvent(PacketEvent e) {
        if (start == null) {
            start = e.at();
        }
        if (e.type() == EventType.SENT && (e.summary().contains("guess") || e.summary().contains("predicted"))) {
            if (++guesses > 10) {
                if (guesses % 500 == 0) {
                    out.println(String.format("          ... %d port guesses sent so far", guesses));
                    out.flush();
                }
                return;
            }
        }
        String line = PacketLineFormat.format(e, start);
        out.println(colour ? colourOf(e) + line + RESET : line);
        out.flush();
    }

    private static String colourOf(PacketEvent e) {
        return switch (e.type()) {
            case SENT -> "\u001b[36m";          // cyan
            case RECEIVED -> "\u001b[32m";      // green
            case TIMEOUT, ICMP_ERROR, LOST -> "\u001b[31m"; // red
            case STATE -> "\u001b[1m";          // bold
        };
    }
}
