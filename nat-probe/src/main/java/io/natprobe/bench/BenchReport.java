package io.natprobe.bench;

/**
 * The outcome of one {@code natprobe bench} run. {@code valid}: responses that matched an outstanding
 * transaction and carried the sender's own address in XOR-MAPPED-ADDRESS; {@code invalid}: anything
 * else that arrived; {@code lost}: requests unanswered within the timeout (a late answer stays lost).
 */
public record BenchReport(String schema, String server, int sockets, int window, double offeredRate,
        double seconds, long sent, long valid, long invalid, long lost, long late, double responsesPerSecond,
        double lossPercent, double p50Micros, double p90Micros, double p99Micros, double p999Micros, double maxMicros) {
    public static final String SCHEMA = "natprobe.bench/1";

    public String toText() {
        return String.format(java.util.Locale.ROOT,
                "server %s, %d sockets, %s, %.1f s%n"
                        + "responses/s  %.0f%n"
                        + "sent %d, valid %d, invalid %d, lost %d (%.3f %%), late %d%n"
                        + "latency µs   p50 %.0f  p90 %.0f  p99 %.0f  p99.9 %.0f  max %.0f%n",
                server, sockets, offeredRate > 0 ? String.format(java.util.Locale.ROOT, "open loop at %.0f requests/s", offeredRate)
                        : "closed loop, " + window + " outstanding per socket",
                seconds, responsesPerSecond, sent, valid, invalid, lost, lossPercent, late, p50Micros, p90Micros, p99Micros,
                p999Micros, maxMicros);
    }
}
