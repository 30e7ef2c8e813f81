package io.natprobe.shell;

import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLineFormat;
import java.time.Instant;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours of the live packet lines: sent cyan, received green, timeout yellow, ICMP error and lost
 * red, state changes bold. The peer's events (relayed through the rendezvous) are drawn faint, and
 * their line says "peer". The text is {@link PacketLineFormat}'s, unchanged.
 */
final class EventStyle {
    private EventStyle() {}

    static AttributedString line(PacketEvent e, Instant start) {
        return new AttributedString(PacketLineFormat.format(e, start), style(e));
    }

    static AttributedStyle style(PacketEvent e) {
        AttributedStyle s = switch (e.type()) {
            case SENT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case RECEIVED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case TIMEOUT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case ICMP_ERROR, LOST -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
            case STATE -> AttributedStyle.BOLD;
        };
        return e.origin() == Origin.PEER ? s.faint() : s;
    }

    static AttributedString error(String text) {
        return new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    }
}
