package io.natprobe.log;

/** Which part of natprobe a packet belongs to. */
public enum TrafficKind {
    /** Binding requests/responses to a probe server (classification, mapping discovery). */
    STUN,
    /** Messages to and from the rendezvous service. */
    RENDEZVOUS,
    /** Hole-punching probes and their acknowledgements between the peers. */
    PUNCH,
    /** Keepalives that hold a punched hole open. */
    KEEPALIVE,
    /** Anything else (e.g. a stray datagram). */
    OTHER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
