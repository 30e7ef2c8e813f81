package io.natprobe.server;

import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;

/**
 * The hook for requests of methods other than Binding (the rendezvous service shares the primary
 * socket). Called only with a well-formed request whose FINGERPRINT, if any, is valid; the raw
 * datagram is passed too because MESSAGE-INTEGRITY is checked over the bytes.
 */
@FunctionalInterface
public interface OtherMethodHandler {
    Outcome handle(StunMessage request, byte[] datagram, int offset, int length, InetSocketAddress source,
            SocketRole arrival, ReplyBudget budget);
}
