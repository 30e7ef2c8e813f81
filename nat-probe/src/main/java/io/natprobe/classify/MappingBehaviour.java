package io.natprobe.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/** Mapping behaviour (RFC 4787 §4.1, RFC 5780 §4.3), how the NAT picks the public address and port of an outgoing flow; NONE means no translation. Serialized in kebab case (ARCHITECTURE.md §3). */
public enum MappingBehaviour {
    ENDPOINT_INDEPENDENT("endpoint-independent"),
    ADDRESS_DEPENDENT("address-dependent"),
    ADDRESS_AND_PORT_DEPENDENT("address-and-port-dependent"),
    NONE("none"),
    UNKNOWN("unknown");

    private final String wire;

    MappingBehaviour(String wire) {
        this.wire = wire;
    }

    /** The kebab-case name used in JSON and text, e.g. "endpoint-independent". */
    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
