package io.natprobe.log;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one fixed line format of the packet log, pinned by golden tests:
 * <pre>
 *   +0.120s self >> punch      10.0.1.10:40000 -> 203.0.113.11:50001           60 B  punch #3
 *   +1.180s peer << punch      10.0.1.10:40000 <- 203.0.113.11:50001           60 B  punch #3
 *   +2.000s self !! stun       10.0.1.10:40000 -> 203.0.113.11:50001                 no answer after 1.0 s
 *  +12.345s self -- state                                                            peer known
 * </pre>
 * Time is relative to the start of the log (or UTC wall time when no start is given).
 */
public final class PacketLineFormat {
    private static final DateTimeFormatter WALL =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PacketLineFormat() {}

    /** Formats one event; {@code start} null gives UTC wall time instead of a relative offset. */
    public static String format(PacketEvent e, Instant start) {
        String time = start == null ? WALL.format(e.at()) : relative(Duration.between(start, e.at()));
        String kind = e.type() == EventType.STATE ? "state" : e.kind().label();
        StringBuilder sb = new StringBuilder(120);
        sb.append(time).append(' ').append(e.origin().label()).append(' ').append(e.type().arrow()).append(' ');
        sb.append(String.format(Locale.ROOT, "%-10s ", kind));
        String arrow = e.type() == EventType.RECEIVED ? " <- " : " -> ";
        String path = e.local() == null ? "" : address(e.local()) + (e.remote() == null ? "" : arrow + address(e.remote()));
        sb.append(String.format(Locale.ROOT, "%-44s", path));
        sb.append(e.type().isPacket() ? String.format(Locale.ROOT, " %5d B  ", e.length()) : "          ");
        sb.append(e.summary());
        return sb.toString().stripTrailing();
    }

    static String relative(Duration d) {
        long millis = d.toMillis();
        String sign = millis < 0 ? "-" : "+";
        long abs = Math.abs(millis);
        return String.format(Locale.ROOT, "%9s", sign + (abs / 1000) + "." + String.format(Locale.ROOT, "%03d", abs % 1000) + "s");
    }

    /** "10.0.1.10:40000" or "[2001:db8::1]:40000"; never resolves names. */
    public static String address(InetSocketAddress a) {
        if (a.getAddress() == null) {
            return a.getHostString() + ":" + a.getPort();
        }
        if (a.getAddress() instanceof Inet6Address v6) {
            return "[" + ipv6(v6.getAddress()) + "]:" + a.getPort();
        }
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** RFC 5952 text form: lower case, no leading zeros, the longest run of 2+ zero groups as "::". */
    static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestAt = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestAt = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
