package io.natprobe.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/** Filtering behaviour (RFC 4787 §5, RFC 5780 §4.4), which inbound packets a binding lets in; NONE means nothing is filtered. Serialized in kebab case (ARCHITECTURE.md §3). */
public enum FilteringBehaviour {
    ENDPOINT_INDEPENDENT("endpoint-independent"),
    ADDRESS_DEPENDENT("address-dependent"),
    ADDRESS_AND_PORT_DEPENDENT("address-and-port-dependent"),
    NONE("none"),
    UNKNOWN("unknown");

    private final String wire;

    FilteringBehaviour(String wire) {
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
