package io.natprobe.server;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A per-source-address reply budget in fixed memory: token buckets in a fixed table, indexed by a
 * keyed hash (SipHash with a random per-process key, so nobody can pick addresses that collide with
 * a victim's). Each address maps to two buckets; a reply is allowed while either bucket has a token
 * and takes one from each that has. A flooder empties its own two buckets and is refused; an
 * innocent address that shares one bucket with it still has the other (a count-min arrangement).
 *
 * <p>There is no per-address entry to add or evict, so the table never fills, is never wiped, and
 * memory does not grow with the number of sources. Refusal lasts only until tokens refill at the
 * configured rate: no penalty box a spoofer could aim at a victim.
 *
 * <p>Thread-safe and allocation-free: each bucket is one long (32 bits of milli-tokens, 32 bits of
 * milliseconds since start) updated by compare-and-set.
 */
public final class RateBudget implements ReplyBudget {
    /** The limits: replies per second and burst, for all replies and for the expensive ones. */
    public record Limits(double perSecond, int burst, double expensivePerSecond, int expensiveBurst) {
        public static final Limits DEFAULT = new Limits(200, 400, 20, 40);

        public Limits {
            if (perSecond <= 0 || expensivePerSecond <= 0) {
                throw new IllegalArgumentException("rates must be positive: " + perSecond + ", " + expensivePerSecond);
            }
            if (burst < 1 || expensiveBurst < 1 || burst > 2_000_000 || expensiveBurst > 2_000_000) {
                throw new IllegalArgumentException("bursts must be 1..2000000: " + burst + ", " + expensiveBurst);
            }
        }
    }

    public static final int DEFAULT_SLOTS = 1 << 16;

    private final Bucket all;
    private final Bucket expensive;
    private final SipHash hash;
    private final InstantSource clock;
    private final long start;
    private final int mask;

    public RateBudget(Limits limits, InstantSource clock) {
        this(limits, clock, DEFAULT_SLOTS, new SecureRandom());
    }

    RateBudget(Limits limits, InstantSource clock, int slots, java.util.Random keySource) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.clock = clock;
        this.start = clock.millis();
        this.mask = slots - 1;
        this.hash = new SipHash(keySource.nextLong(), keySource.nextLong());
        this.all = new Bucket(slots, limits.perSecond(), limits.burst());
        this.expensive = new Bucket(slots, limits.expensivePerSecond(), limits.expensiveBurst());
    }

    /** Number of buckets per table: fixed at construction (a test checks it stays so). */
    public int slots() {
        return mask + 1;
    }

    @Override
    public boolean allow(InetAddress source, boolean isExpensive) {
        long h = hash.hash(source.getAddress());
        int a = (int) h & mask;
        int b = (int) (h >>> 32) & mask;
        int now = (int) (clock.millis() - start);
        if (isExpensive && !expensive.take(a, b, now)) {
            return false;
        }
        return all.take(a, b, now);
    }

    /** One table of token buckets. */
    private static final class Bucket {
        private final AtomicLongArray state;
        private final long milliTokensPerMs; // scaled by 1000 again: micro-tokens per ms / 1000
        private final long capacity;         // milli-tokens

        Bucket(int slots, double perSecond, int burst) {
            this.state = new AtomicLongArray(slots);
            this.milliTokensPerMs = Math.max(1, Math.round(perSecond)); // 1 token/s = 1 milli-token/ms
            this.capacity = burst * 1000L;
            long full = pack(capacity, 0);
            for (int i = 0; i < slots; i++) {
                state.set(i, full);
            }
        }

        /** Takes a token from each of the two buckets that has one; true if at least one had. */
        boolean take(int a, int b, int now) {
            boolean okA = takeOne(a, now);
            boolean okB = a != b && takeOne(b, now);
            return okA || okB;
        }

        private boolean takeOne(int i, int now) {
            while (true) {
                long s = state.get(i);
                long tokens = s >>> 32;
                int then = (int) s;
                long elapsed = Integer.toUnsignedLong(now - then); // wraps after 49 days: harmless
                long refilled = Math.min(capacity, tokens + elapsed * milliTokensPerMs);
                if (refilled < 1000) {
                    // Not enough for one reply. Leave the stored state alone so refill keeps accruing.
                    return false;
                }
                if (state.compareAndSet(i, s, pack(refilled - 1000, now))) {
                    return true;
                }
            }
        }

        private static long pack(long milliTokens, int millis) {
            return (milliTokens << 32) | Integer.toUnsignedLong(millis);
        }
    }
}
