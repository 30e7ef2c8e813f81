package io.natprobe.punch;

import io.natprobe.rendezvous.Role;
import io.natprobe.rendezvous.SessionCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A snapshot of one side of a punch session. Null fields are "not known yet".
 *
 * @param state          the punch state machine's state, e.g. "IDLE", "PEER_KNOWN", "CONNECTED"
 * @param session        the session code, once created or joined
 * @param role           A (registered first) or B
 * @param local          our socket's local address
 * @param mapped         our public address as the rendezvous server sees it
 * @param peerReflexive  the peer's public address as the server sees it
 * @param peerLocals     the local addresses the peer reported (same-LAN candidates)
 * @param peerSeenFrom   where the peer's probes actually came from, if any arrived
 * @param holeAge        time since we last sent to the peer (our hole's idle time), null if never
 * @param lastHeard      time since we last heard the peer, null if never
 * @param keepalive      the keepalive interval, null when off
 */
public record LinkStatus(String state, SessionCode session, Role role, InetSocketAddress local,
                         InetSocketAddress mapped, InetSocketAddress peerReflexive,
                         List<InetSocketAddress> peerLocals, InetSocketAddress peerSeenFrom,
                         Duration holeAge, Duration lastHeard, Duration keepalive) {
    public LinkStatus {
        peerLocals = peerLocals == null ? List.of() : List.copyOf(peerLocals);
    }
}
