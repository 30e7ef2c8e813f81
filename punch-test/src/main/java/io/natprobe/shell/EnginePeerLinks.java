package io.natprobe.shell;

import io.natprobe.punch.PeerLinks;

/** THE PLUG: where the shell meets the real punch engine (one line; tests pass a scripted fake instead). */
public final class EnginePeerLinks {

    public static final PeerLinkFactory FACTORY = PeerLinks::open;

    private EnginePeerLinks() {}
}
