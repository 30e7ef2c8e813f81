package io.natprobe.punch;

import java.net.InetSocketAddress;

/**
 * What one side learned about its own NAT from the punch socket before punching (a short RFC 5780
 * check against the rendezvous server, §4.3 and §4.4), sent to the peer so both plan alike.
 *
 * @param mappingVaries  TRUE when the server's second address saw another public address or port
 *                       (endpoint-dependent mapping), FALSE when the same, null when not tested
 * @param filtering      "endpoint-independent", "address-dependent", "address-and-port-dependent" or "unknown"
 * @param mapped         our public address as the server's primary address saw it
 * @param mappedOther    as the server's other address saw it (null when not tested)
 */
public record NatHint(Boolean mappingVaries, String filtering, InetSocketAddress mapped, InetSocketAddress mappedOther) {
    public static final NatHint UNKNOWN = new NatHint(null, "unknown", null, null);

    public NatHint {
        filtering = filtering == null ? "unknown" : filtering;
    }

    /**
     * From the check's observations: the two mapped addresses, and whether the answers sent from the
     * other address+port (CHANGE-REQUEST ip+port) and from the other port (port only) arrived. Null
     * arguments mean "not tested".
     */
    public static NatHint from(InetSocketAddress mapped, InetSocketAddress mappedOther, Boolean otherAddressArrived,
                               Boolean otherPortArrived) {
        Boolean varies = mapped == null || mappedOther == null ? null : !mapped.equals(mappedOther);
        String filtering;
        if (otherAddressArrived == null) {
            filtering = "unknown";
        } else if (otherAddressArrived) {
            filtering = "endpoint-independent";
        } else if (otherPortArrived == null) {
            filtering = "unknown";
        } else {
            filtering = otherPortArrived ? "address-dependent" : "address-and-port-dependent";
        }
        return new NatHint(varies, filtering, mapped, mappedOther);
    }

    /** Port step between the two mappings, for sequential prediction (1 when unknown or not positive). */
    public int delta() {
        if (mapped == null || mappedOther == null) {
            return 1;
        }
        int d = mappedOther.getPort() - mapped.getPort();
        return d > 0 && d < 100 ? d : 1;
    }

    public boolean dependentMapping() {
        return Boolean.TRUE.equals(mappingVaries);
    }

    public boolean independentMapping() {
        return Boolean.FALSE.equals(mappingVaries);
    }

    /** Words for the report, e.g. "mapping changes per destination, filtering address-and-port-dependent". */
    public String describe() {
        String m = mappingVaries == null ? "mapping not tested"
                : mappingVaries ? "mapping changes per destination" : "mapping kept for every destination";
        return m + ", filtering " + filtering;
    }
}
