package io.natprobe.report;

import io.natprobe.lifetime.LifetimeBound;
import io.natprobe.lifetime.LifetimeResult;

/** Keepalive advice and the RFC 4787 REQ-5 verdict from measured lifetimes. */
public final class Keepalive {

    /** Longest interval we ever advise: even generous NATs are not all measured by everyone. */
    static final int CAP_SECONDS = 25;

    private Keepalive() {}

    /** The shortest lower bound measured, or null when nothing was measured. */
    static Integer shortestLower(LifetimeResult r) {
        Integer best = null;
        for (LifetimeBound b : new LifetimeBound[] {r.singleExchange(), r.sustained()}) {
            if (b != null && (best == null || b.lowerBound() < best)) best = b.lowerBound();
        }
        return best;
    }

    /**
     * Seconds between keepalives: 80 % of the shortest time a binding was seen to survive idle (the
     * single-exchange one is the worst case, a flow that has just been set up), at least 1, at most 25.
     */
    public static Integer recommendedSeconds(LifetimeResult r) {
        if (r == null) return null;
        Integer lower = shortestLower(r);
        if (lower == null) return null;
        return Math.max(1, Math.min(CAP_SECONDS, (int) Math.floor(lower * 0.8)));
    }

    /**
     * RFC 4787 REQ-5 (a binding MUST NOT expire in less than 2 minutes): true if every measured binding
     * lived at least 120 s, false if one expired earlier, null if the range tried cannot tell.
     */
    public static Boolean meetsRfc4787(LifetimeResult r) {
        if (r == null) return null;
        boolean any = false;
        Boolean result = Boolean.TRUE;
        for (LifetimeBound b : new LifetimeBound[] {r.singleExchange(), r.sustained()}) {
            if (b == null) continue;
            any = true;
            if (b.upperBound() != null && b.upperBound() < LifetimeResult.RFC4787_MIN_SECONDS) return false;
            if (b.lowerBound() < LifetimeResult.RFC4787_MIN_SECONDS) result = null;
        }
        return any ? result : null;
    }
}
