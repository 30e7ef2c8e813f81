package io.natprobe.server.rendezvous;

import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.server.DropReason;
import io.natprobe.server.OtherMethodHandler;
import io.natprobe.server.Outcome;
import io.natprobe.server.ReplyBudget;
import io.natprobe.server.SocketRole;
import io.natprobe.stun.AttributeType;
import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adapts the sans-I/O {@link RendezvousService} to the probe server's {@link OtherMethodHandler} hook:
 * rendezvous requests arriving on the primary socket (PP) go to the service, and every datagram it
 * wants sent leaves from PP, so both peers keep talking to the very address and port they registered
 * with (docs/protocol.md). Unauthenticated requests (CREATE and anything whose integrity fails) are
 * charged to the per-source reply budget; authenticated peers are not, so a refresh never fails.
 */
public final class RendezvousHandler implements OtherMethodHandler {
    private final RendezvousService service;
    private final InstantSource clock;

    public RendezvousHandler(RendezvousService service, InstantSource clock) {
        this.service = service;
        this.clock = clock;
    }

    public RendezvousService service() {
        return service;
    }

    @Override
    public Outcome handle(StunMessage request, byte[] datagram, int offset, int length, InetSocketAddress source,
            SocketRole arrival, ReplyBudget budget) {
        if (!RendezvousCodec.isRendezvous(request.method())) {
            return new Outcome.Drop(DropReason.UNKNOWN_METHOD);
        }
        if (arrival != SocketRole.PP) {
            // Rendezvous must see the mapping toward the primary address: answering elsewhere would hide it.
            return new Outcome.Drop(DropReason.RENDEZVOUS_WRONG_SOCKET);
        }
        boolean keyed = request.get(AttributeType.MESSAGE_INTEGRITY_SHA256).isPresent();
        // Without a key nothing authenticates: charge the budget before any work (CREATE, forged messages).
        if (!keyed && !budget.allow(source.getAddress(), false)) {
            return new Outcome.Drop(DropReason.BUDGET);
        }
        byte[] raw = offset == 0 && length == datagram.length ? datagram : Arrays.copyOfRange(datagram, offset, offset + length);
        RendezvousService.Handled handled = service.handleRequest(request, raw, source, clock.instant());
        if (handled.out().isEmpty()) {
            return new Outcome.Drop(DropReason.RENDEZVOUS_DROPPED);
        }
        if (keyed && !handled.authenticated() && !budget.allow(source.getAddress(), false)) {
            return new Outcome.Drop(DropReason.BUDGET); // a wrong-code guesser gets its 401s only within budget
        }
        List<Outcome.Reply> replies = new ArrayList<>(handled.out().size());
        for (Outgoing o : handled.out()) {
            replies.add(new Outcome.Reply(SocketRole.PP, o.to(), o.data(), Outcome.ReplyKind.RENDEZVOUS));
        }
        return replies.size() == 1 ? replies.get(0) : new Outcome.Replies(replies);
    }
}
