package io.natprobe.log;

/** Whose log an event comes from: this side, or the peer's (relayed through the rendezvous). */
public enum Origin {
    SELF,
    PEER;

    public String label() {
        return this == SELF ? "self" : "peer";
    }
}
