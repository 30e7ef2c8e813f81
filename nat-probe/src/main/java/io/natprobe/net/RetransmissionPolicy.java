package io.natprobe.net;

import java.time.Duration;

/**
 * RFC 8489 §6.2.1 retransmission for UDP: the request is sent at 0, RTO, 3*RTO, 7*RTO, ... (the
 * interval doubles), {@code rc} sends in all, and the transaction fails {@code rm * RTO} after the last
 * send. RFC 8489's defaults (RTO 500 ms, Rc 7, Rm 16) give 39.5 s, far too slow for a probe whose
 * timeouts are answers; {@link #FAST} keeps four sends and gives up after 825 ms, which still survives
 * 5 % loss with a probability of about 1 - 0.1^4.
 */
public record RetransmissionPolicy(Duration rto, int rc, int rm) {

    /** The default for classification: RTO 75 ms, Rc 4, Rm 4 (last send at 525 ms, timeout at 825 ms). */
    public static final RetransmissionPolicy FAST = new RetransmissionPolicy(Duration.ofMillis(75), 4, 4);
    /** RFC 8489's own defaults. */
    public static final RetransmissionPolicy RFC8489 = new RetransmissionPolicy(Duration.ofMillis(500), 7, 16);

    public RetransmissionPolicy {
        if (rto == null || rto.isNegative() || rto.isZero()) throw new IllegalArgumentException("rto must be positive: " + rto);
        if (rc < 1 || rc > 20) throw new IllegalArgumentException("rc out of range (expected: 1..20): " + rc);
        if (rm < 1 || rm > 64) throw new IllegalArgumentException("rm out of range (expected: 1..64): " + rm);
    }

    /** Offset of send number {@code n} (0-based) from the first send. */
    public Duration sendOffset(int n) {
        if (n < 0 || n >= rc) throw new IllegalArgumentException("send index out of range: " + n);
        return rto.multipliedBy((1L << n) - 1);
    }

    /** Offset, from the first send, at which the transaction is declared failed. */
    public Duration timeout() {
        return sendOffset(rc - 1).plus(rto.multipliedBy(rm));
    }
}
