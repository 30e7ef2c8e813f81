package io.natprobe.server;

/** Why a datagram got no reply. Each reason is a metrics label (kebab case). */
public enum DropReason {
    /** Too short, wrong leading bits, or a length field that does not match the datagram. */
    NOT_STUN("not-stun"),
    /** A STUN header but an attribute that does not parse (truncated, bad length, duplicate...). */
    MALFORMED("malformed"),
    /** RFC 8489 §14.7: a FINGERPRINT that does not match means the datagram is not STUN. */
    BAD_FINGERPRINT("bad-fingerprint"),
    /** A response or an indication: RFC 8489 §6.3 says a server never answers those. */
    NOT_A_REQUEST("not-a-request"),
    /** A request for a method other than Binding, with no handler registered for it. */
    UNKNOWN_METHOD("unknown-method"),
    /** A classic RFC 3489 request (no magic cookie) while --no-rfc3489 is set. */
    RFC3489_DISABLED("rfc3489-disabled"),
    /** A rendezvous request on a socket other than the primary one (rendezvous lives on PP only). */
    RENDEZVOUS_WRONG_SOCKET("rendezvous-wrong-socket"),
    /** A rendezvous request the service dropped (a replay, or an unanswerable message; see the rendezvous counters). */
    RENDEZVOUS_DROPPED("rendezvous-dropped"),
    /** The per-source reply budget is spent (amplification guard). */
    BUDGET("budget"),
    /** The reply could not be sent (the kernel refused it). */
    SEND_FAILED("send-failed"),
    /** A bug: the handler threw. Counted, never allowed to stop the socket. */
    INTERNAL_ERROR("internal-error");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
