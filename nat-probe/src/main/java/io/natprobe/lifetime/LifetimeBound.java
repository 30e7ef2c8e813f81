package io.natprobe.lifetime;

/**
 * A measured binding lifetime: the binding was still open {@code lowerBound} seconds after its last
 * packet and gone after {@code upperBound}. {@code seconds} is the estimate (the upper bound: the
 * binding survived at least the lower bound, so a keepalive below it is safe). {@code upperBound} is
 * null when the binding outlived the longest delay tried ({@code --max}): then it lives at least
 * {@code lowerBound} seconds and {@code seconds} is null.
 */
public record LifetimeBound(Integer seconds, int lowerBound, Integer upperBound) {

    public static LifetimeBound between(int lower, int upper) {
        return new LifetimeBound(upper, lower, upper);
    }

    public static LifetimeBound atLeast(int lower) {
        return new LifetimeBound(null, lower, null);
    }

    /** True when the lifetime is known to be at least {@code s} seconds. */
    public boolean atLeastSeconds(int s) {
        return lowerBound >= s;
    }
}
