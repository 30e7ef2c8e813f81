package io.natprobe.lab;

/** Whether ICMP port-unreachable errors may leave the router on its public side. */
public enum IcmpPolicy {
    /** Forwarded and sent as Linux does. */
    FORWARD,
    /** Dropped on the way out (the seed article's advice for the "ICMP kills the hole" pitfall). */
    BLOCK;

    public String term() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
