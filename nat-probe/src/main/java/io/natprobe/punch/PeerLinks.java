package io.natprobe.punch;

import io.natprobe.log.PacketLog;
import java.net.InetSocketAddress;
import java.time.InstantSource;

/** Opens {@link PeerLink}s: the one entry point for the shell and {@code natprobe punch}. */
public final class PeerLinks {
    private PeerLinks() {}

    /**
     * A link on a fresh UDP socket (wildcard address, ephemeral port) that talks to the rendezvous
     * server at {@code rendezvous}. Event times come from {@code clock}, anchored once and then
     * advanced by the monotonic nano clock, so one log never goes backwards.
     */
    public static PeerLink open(InetSocketAddress rendezvous, PacketLog log, InstantSource clock) throws PunchException {
        return UdpPeerLink.open(rendezvous, null, log, clock, PunchLimits.DEFAULT);
    }

    /** The same, bound to {@code local} (e.g. a lab host's address, or port 0 on one interface). */
    public static PeerLink open(InetSocketAddress rendezvous, InetSocketAddress local, PacketLog log, InstantSource clock)
            throws PunchException {
        return UdpPeerLink.open(rendezvous, local, log, clock, PunchLimits.DEFAULT);
    }
}
