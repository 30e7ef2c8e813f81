package io.natprobe.lab;

import java.util.Locale;

/** Which inbound packets a NAT lets through to a binding (RFC 4787 §5). */
public enum FilteringBehavior {
    /** Anyone may send to the public endpoint once the binding exists. */
    ENDPOINT_INDEPENDENT,
    /** Only addresses the inside endpoint has sent to (any port). */
    ADDRESS_DEPENDENT,
    /** Only the exact address and port the inside endpoint has sent to (Linux conntrack's own). */
    ADDRESS_AND_PORT_DEPENDENT;

    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String abbreviation() {
        return switch (this) {
            case ENDPOINT_INDEPENDENT -> "EIF";
            case ADDRESS_DEPENDENT -> "ADF";
            case ADDRESS_AND_PORT_DEPENDENT -> "APDF";
        };
    }

    /** The stricter of two filters in a chain of NATs (a packet must pass both). */
    public FilteringBehavior stricter(FilteringBehavior other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
