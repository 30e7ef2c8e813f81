package io.natprobe.rendezvous;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The rendezvous protocol's messages (docs/protocol.md); {@link RendezvousCodec} maps them to STUN. */
public sealed interface RendezvousMessage {

    /** Ask the server for a new session code. Unauthenticated (there is no key yet). */
    record CreateRequest() implements RendezvousMessage { }

    /** A fresh code; it must be registered within {@code validFor}. */
    record CreateResponse(SessionCode code, Duration validFor) implements RendezvousMessage { }

    /**
     * Join (first time) or refresh (later) the session from the socket that will punch.
     * {@code ackSequence} is the highest DELIVER sequence received so far (0 for none).
     */
    record RegisterRequest(int nameplate, List<InetSocketAddress> localAddresses, long sequence,
                           long ackSequence, Instant sentAt) implements RendezvousMessage {
        public RegisterRequest {
            localAddresses = List.copyOf(localAddresses);
        }
    }

    /** The other peer as the server sees it: its server-reflexive address and the local ones it reported. */
    record PeerInfo(InetSocketAddress reflexive, List<InetSocketAddress> localAddresses) {
        public PeerInfo {
            localAddresses = List.copyOf(localAddresses);
        }
    }

    /** Our role, our server-reflexive address, the peer when known, and the server's clock. */
    record RegisterResponse(int nameplate, Role role, InetSocketAddress mapped, PeerInfo peer, Instant serverTime)
            implements RendezvousMessage { }

    /**
     * Server to peer (a REGISTER indication): the other peer joined, left ({@code peer} null), or
     * moved. Sent the moment it happens, so nobody waits for its next refresh.
     */
    record PeerUpdate(int nameplate, Role role, InetSocketAddress mapped, PeerInfo peer, Instant serverTime)
            implements RendezvousMessage { }

    /** A small control message for the other peer (e.g. "send to me now", "start at T", a log chunk). */
    record SendRequest(int nameplate, long sequence, byte[] control, Instant sentAt) implements RendezvousMessage {
        public SendRequest {
            control = control.clone();
        }
        @Override public byte[] control() { return control.clone(); }
        @Override public boolean equals(Object o) {
            return o instanceof SendRequest s && s.nameplate == nameplate && s.sequence == sequence
                    && Arrays.equals(s.control, control) && s.sentAt.equals(sentAt);
        }
        @Override public int hashCode() { return Arrays.hashCode(control) * 31 + Long.hashCode(sequence); }
    }

    /** The server queued the control message for the peer; {@code serverTime} helps estimate clock offsets. */
    record SendResponse(int nameplate, Instant serverTime) implements RendezvousMessage { }

    /** Server to peer (a STUN indication): a control message from the other peer, with the server's clock. */
    record Deliver(int nameplate, Role from, long sequence, byte[] control, Instant sentAt, Instant serverTime)
            implements RendezvousMessage {
        public Deliver {
            control = control.clone();
        }
        @Override public byte[] control() { return control.clone(); }
        @Override public boolean equals(Object o) {
            return o instanceof Deliver d && d.nameplate == nameplate && d.from == from && d.sequence == sequence
                    && Arrays.equals(d.control, control) && d.sentAt.equals(sentAt) && d.serverTime.equals(serverTime);
        }
        @Override public int hashCode() { return Arrays.hashCode(control) * 31 + Long.hashCode(sequence); }
    }

    /** Leave the session (the shell's quit, the end of a punch run). */
    record LeaveRequest(int nameplate) implements RendezvousMessage { }

    record LeaveResponse(int nameplate) implements RendezvousMessage { }

    /** A refusal with its STUN error code (docs/protocol.md lists them) and a reason for people. */
    record ErrorResponse(int code, String reason) implements RendezvousMessage { }
}
