package io.natprobe.shell;

import io.natprobe.punch.PunchException;

/**
 * THE PLUG: where the shell meets the real punch engine. When {@code io.natprobe.punch.PeerLinks}
 * lands on main, {@link #FACTORY} becomes the one line
 * {@code (rendezvous, log, clock) -> PeerLinks.open(rendezvous, log, clock)}.
 */
public final class EnginePeerLinks {

    public static final PeerLinkFactory FACTORY = (rendezvous, log, clock) -> {
        throw new PunchException("this natprobe was built without the punch engine: sessions are not available yet");
    };

    private EnginePeerLinks() {}
}
