package io.natprobe.punch;

/** Where one side of a punch session stands (docs/punch.md). */
public enum PunchState {
    /** Not registered with the rendezvous server yet. */
    IDLE,
    /** Registered; the peer has not joined. */
    REGISTERED,
    /** Both registered: we know the peer's public address. */
    PEER_KNOWN,
    /** B in an automatic run: waiting for A to start the next attempt. */
    WAITING,
    /** An attempt is running. */
    PUNCHING,
    /** Two-way traffic flowed: a probe of ours was answered. */
    CONNECTED,
    /** The automatic run ended without a connection. */
    FAILED
}
