package io.natprobe.lab;

import java.util.Locale;

/** How a NAT chooses the public endpoint of a binding (RFC 4787 §4.1). */
public enum MappingBehavior {
    /** One public endpoint per inside endpoint, whatever the destination (RFC 4787 REQ-1). */
    ENDPOINT_INDEPENDENT,
    /** A new public endpoint per destination address. */
    ADDRESS_DEPENDENT,
    /** A new public endpoint per destination address and port. */
    ADDRESS_AND_PORT_DEPENDENT;

    /** The RFC 4787 term in kebab case, as used on the command line and in JSON. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Short form used in tables: EIM, ADM, APDM. */
    public String abbreviation() {
        return switch (this) {
            case ENDPOINT_INDEPENDENT -> "EIM";
            case ADDRESS_DEPENDENT -> "ADM";
            case ADDRESS_AND_PORT_DEPENDENT -> "APDM";
        };
    }
}
