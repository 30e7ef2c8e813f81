package io.natprobe.log;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Estimates how far a peer's clock is ahead of ours from request/response round trips through the
 * rendezvous (NTP's on-wire method, RFC 5905 §8), keeping the sample with the smallest round trip,
 * whose error is at most half that round trip.
 */
public final class ClockOffset {
    /**
     * One exchange: we sent at {@code t0}, the peer's clock read {@code t1} on receipt and {@code t2} on
     * reply (often t1 == t2 when relayed), we received at {@code t3}.
     */
    public record Sample(Instant t0, Instant t1, Instant t2, Instant t3) {
        public Duration roundTrip() {
            return Duration.between(t0, t3).minus(Duration.between(t1, t2));
        }

        public Duration offset() {
            return Duration.between(t0, t1).plus(Duration.between(t3, t2)).dividedBy(2);
        }
    }

    /** The estimated offset and its error bound. */
    public record Estimate(Duration offset, Duration error) {
        public static final Estimate UNKNOWN = new Estimate(Duration.ZERO, null);
    }

    private ClockOffset() {}

    public static Estimate estimate(Collection<Sample> samples) {
        Sample best = null;
        for (Sample s : samples) {
            if (!s.roundTrip().isNegative() && (best == null || s.roundTrip().compareTo(best.roundTrip()) < 0)) {
                best = s;
            }
        }
        return best == null ? Estimate.UNKNOWN : new Estimate(best.offset(), best.roundTrip().dividedBy(2));
    }
}
