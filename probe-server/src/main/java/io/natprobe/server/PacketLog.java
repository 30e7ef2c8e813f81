package io.natprobe.server;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The {@code --log-packets} debug log: one line per datagram, at most {@code perSecond} lines a
 * second (a flood must not turn into a disk-filling log); the number of lines left out is reported
 * on the next line written. {@link #NONE} logs nothing (the default).
 */
public class PacketLog {
    public static final PacketLog NONE = new PacketLog(null, InstantSource.system(), 0);

    private final PrintStream out;
    private final InstantSource clock;
    private final int perSecond;
    private long second = Long.MIN_VALUE;
    private int written;
    private long suppressed;

    public PacketLog(PrintStream out, InstantSource clock, int perSecond) {
        this.out = out;
        this.clock = clock;
        this.perSecond = perSecond;
    }

    public boolean enabled() {
        return out != null;
    }

    /** {@code outcome}: e.g. "reply success from AP to 1.2.3.4:5 (84 bytes)" or "drop malformed". */
    public synchronized void log(String family, SocketRole arrival, InetSocketAddress source, int length, String outcome) {
        if (out == null) {
            return;
        }
        long nowMs = clock.millis();
        long s = nowMs / 1000;
        if (s != second) {
            second = s;
            written = 0;
        }
        if (written >= perSecond) {
            suppressed++;
            return;
        }
        written++;
        String skipped = suppressed > 0 ? " (" + suppressed + " lines suppressed before this)" : "";
        suppressed = 0;
        out.println(Instant.ofEpochMilli(nowMs) + " " + family + " " + arrival + " <- " + source.getAddress().getHostAddress()
                + ":" + source.getPort() + " " + length + " bytes: " + outcome + skipped);
    }
}
