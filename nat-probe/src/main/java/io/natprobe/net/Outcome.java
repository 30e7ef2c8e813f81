package io.natprobe.net;

import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Instant;

/** How a transaction started by {@link Action.Send} ended: an observation for the plan. */
public sealed interface Outcome {

    Exchange exchange();

    /**
     * A STUN message with the transaction's id arrived (normally the response; for a hairpin probe it
     * is our own request coming back). {@code receivedOn} may differ from the sending socket: that is
     * how RESPONSE-PORT works, and how a server that ignored it is caught.
     */
    record Answered(Exchange exchange, int receivedOn, InetSocketAddress receivedOnLocal,
                    InetSocketAddress from, StunMessage message, Instant at) implements Outcome {}

    /** No answer within the retransmission policy. {@code portUnreachable}: an ICMP error was seen. */
    record TimedOut(Exchange exchange, Instant at, boolean portUnreachable) implements Outcome {}
}
