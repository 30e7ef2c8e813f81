package io.natprobe.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/** The RFC 3489 label, derived from mapping and filtering for display only (never used in the model). Serialized in kebab case (ARCHITECTURE.md §3). */
public enum ClassicType {
    OPEN_INTERNET("open-internet"),
    FULL_CONE("full-cone"),
    RESTRICTED_CONE("restricted-cone"),
    PORT_RESTRICTED_CONE("port-restricted-cone"),
    SYMMETRIC("symmetric"),
    SYMMETRIC_FIREWALL("symmetric-firewall"),
    UDP_BLOCKED("udp-blocked"),
    UNKNOWN("unknown");

    private final String wire;

    ClassicType(String wire) {
        this.wire = wire;
    }

    /** The kebab-case name used in JSON and text, e.g. "open-internet". */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * RFC 3489's label for a mapping x filtering pair. With a NAT that maps per destination the label is
     * "symmetric" whatever the filtering; {@code mappingDependsOnDestination} says so when the exact
     * mapping behaviour is unknown but destinations were seen to get different mappings.
     */
    public static ClassicType derive(boolean anyAnswer, MappingBehaviour mapping, FilteringBehaviour filtering,
                                     boolean mappingDependsOnDestination) {
        if (!anyAnswer) return UDP_BLOCKED;
        return switch (mapping) {
            case NONE -> switch (filtering) {
                case NONE, ENDPOINT_INDEPENDENT -> OPEN_INTERNET;
                case ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT -> SYMMETRIC_FIREWALL;
                case UNKNOWN -> UNKNOWN;
            };
            case ENDPOINT_INDEPENDENT -> switch (filtering) {
                case NONE, ENDPOINT_INDEPENDENT -> FULL_CONE;
                case ADDRESS_DEPENDENT -> RESTRICTED_CONE;
                case ADDRESS_AND_PORT_DEPENDENT -> PORT_RESTRICTED_CONE;
                case UNKNOWN -> UNKNOWN;
            };
            case ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT -> SYMMETRIC;
            case UNKNOWN -> mappingDependsOnDestination ? SYMMETRIC : UNKNOWN;
        };
    }

    @Override
    public String toString() {
        return wire;
    }
}
