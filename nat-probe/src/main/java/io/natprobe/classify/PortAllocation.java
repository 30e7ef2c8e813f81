package io.natprobe.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the NAT chooses the public port of a new binding, seen across several local sockets. Serialized in kebab case (ARCHITECTURE.md §3). */
public enum PortAllocation {
    PRESERVING("preserving"),
    SEQUENTIAL("sequential"),
    RANDOM("random"),
    NONE("none"),
    NOT_TESTED("not-tested");

    private final String wire;

    PortAllocation(String wire) {
        this.wire = wire;
    }

    /** The kebab-case name used in JSON and text, e.g. "preserving". */
    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
