package io.natprobe.shell;

import io.natprobe.log.PacketLog;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PunchException;
import java.net.InetSocketAddress;
import java.time.InstantSource;

/**
 * Opens one side of a punch session against a rendezvous server. The shell calls it when the user
 * starts or joins a session; tests pass a scripted fake, the launcher passes {@link EnginePeerLinks#FACTORY}.
 */
@FunctionalInterface
public interface PeerLinkFactory {

    /**
     * @param rendezvous the probe server that hosts the rendezvous
     * @param log        receives every packet event live (the shell's live lines and its recorder)
     * @param clock      the time source for event timestamps
     */
    PeerLink open(InetSocketAddress rendezvous, PacketLog log, InstantSource clock) throws PunchException;
}
