package io.natprobe.server.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.rendezvous.RendezvousKeys;
import io.natprobe.rendezvous.RendezvousMessage;
import io.natprobe.rendezvous.SessionCode;
import io.natprobe.server.DropReason;
import io.natprobe.server.Outcome;
import io.natprobe.server.ReplyBudget;
import io.natprobe.server.SocketRole;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RendezvousHandlerTest {
    static final InetSocketAddress A = new InetSocketAddress("203.0.113.10", 40000);
    static final InetSocketAddress B = new InetSocketAddress("203.0.113.11", 50000);
    final RendezvousService service = new RendezvousService(new CodeIssuer(new byte[32], Duration.ofMinutes(10), new Random(1)),
            RendezvousLimits.DEFAULT);
    final RendezvousHandler handler = new RendezvousHandler(service, () -> Instant.parse("2026-11-25T15:00:00Z"));

    Outcome call(byte[] raw, InetSocketAddress from, SocketRole arrival, ReplyBudget budget) throws Exception {
        return handler.handle(StunCodec.decode(raw), raw, 0, raw.length, from, arrival, budget);
    }

    static byte[] register(SessionCode code, long seq) {
        return RendezvousCodec.encode(TransactionId.random(), new RendezvousMessage.RegisterRequest(code.nameplate(),
                List.of(), seq, 0, Instant.parse("2026-11-25T15:00:00Z")), RendezvousKeys.credentials(code));
    }

    SessionCode create() throws Exception {
        Outcome o = call(RendezvousCodec.encode(TransactionId.random(), new RendezvousMessage.CreateRequest(), null), A,
                SocketRole.PP, ReplyBudget.UNLIMITED);
        Outcome.Reply r = (Outcome.Reply) o;
        assertThat(r.from()).isEqualTo(SocketRole.PP);
        assertThat(r.kind()).isEqualTo(Outcome.ReplyKind.RENDEZVOUS);
        return ((RendezvousMessage.CreateResponse) RendezvousCodec.decode(StunCodec.decode(r.bytes()))).code();
    }

    @Test
    void onlyThePrimarySocketServesRendezvous() throws Exception {
        byte[] create = RendezvousCodec.encode(TransactionId.random(), new RendezvousMessage.CreateRequest(), null);
        for (SocketRole role : List.of(SocketRole.PA, SocketRole.AP, SocketRole.AA)) {
            assertThat(call(create, A, role, ReplyBudget.UNLIMITED)).isEqualTo(new Outcome.Drop(DropReason.RENDEZVOUS_WRONG_SOCKET));
        }
        assertThat(service.stats().created.sum()).isZero();
    }

    @Test
    void unauthenticatedRequestsPayFromTheBudgetAuthenticatedOnesDoNot() throws Exception {
        SessionCode code = create();
        ReplyBudget none = (ip, expensive) -> false;
        byte[] create = RendezvousCodec.encode(TransactionId.random(), new RendezvousMessage.CreateRequest(), null);
        assertThat(call(create, A, SocketRole.PP, none)).isEqualTo(new Outcome.Drop(DropReason.BUDGET));
        SessionCode wrong = new SessionCode(code.nameplate(), (code.word1() + 1) % 256, code.word2());
        assertThat(call(register(wrong, 1), A, SocketRole.PP, none)).isEqualTo(new Outcome.Drop(DropReason.BUDGET));
        assertThat(call(register(code, 1), A, SocketRole.PP, none)).isInstanceOf(Outcome.Reply.class);
    }

    @Test
    void theSecondPeerRegisteringNotifiesTheFirstInOneOutcome() throws Exception {
        SessionCode code = create();
        call(register(code, 1), A, SocketRole.PP, ReplyBudget.UNLIMITED);
        Outcome o = call(register(code, 1), B, SocketRole.PP, ReplyBudget.UNLIMITED);
        assertThat(o).isInstanceOf(Outcome.Replies.class);
        List<Outcome.Reply> replies = ((Outcome.Replies) o).replies();
        assertThat(replies).extracting(Outcome.Reply::to).containsExactly(B, A);
        assertThat(replies).allMatch(r -> r.from() == SocketRole.PP);
    }

    @Test
    void aReplayIsDroppedAndCounted() throws Exception {
        SessionCode code = create();
        byte[] first = register(code, 5);
        call(first, A, SocketRole.PP, ReplyBudget.UNLIMITED);
        assertThat(call(first, A, SocketRole.PP, ReplyBudget.UNLIMITED)).isEqualTo(new Outcome.Drop(DropReason.RENDEZVOUS_DROPPED));
        assertThat(service.stats().replaysRefused.sum()).isEqualTo(1);
    }
}
