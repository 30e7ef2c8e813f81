package io.natprobe.bench;

/**
 * Latencies in fixed memory: log-scaled buckets about 2 % wide from 1 µs to about 100 s. Percentiles
 * are reported as the upper edge of their bucket (never optimistic).
 */
public final class LatencyHistogram {
    private static final double GROWTH = 1.02;
    private static final int BUCKETS = (int) Math.ceil(Math.log(1e8) / Math.log(GROWTH)) + 2;
    private final long[] counts = new long[BUCKETS];
    private long total;
    private long maxNanos;

    public void record(long nanos) {
        long us = Math.max(1, nanos / 1000);
        int i = Math.min(BUCKETS - 1, (int) Math.ceil(Math.log(us) / Math.log(GROWTH)));
        counts[i]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    public long count() {
        return total;
    }

    /** The latency in microseconds below which {@code q} (0..1) of the samples fall; 0 without samples. */
    public double percentileMicros(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return Math.min(Math.pow(GROWTH, i), maxNanos / 1000.0);
            }
        }
        return maxNanos / 1000.0;
    }

    public double maxMicros() {
        return maxNanos / 1000.0;
    }
}
