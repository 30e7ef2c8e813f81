package io.natprobe.cli;

import java.util.List;

/**
 * The servers {@code classify} uses when no {@code --server} is given. Kept in this one class so that
 * nothing else ever reaches a public host (tests always pass --server with a loopback literal).
 */
public final class PublicServers {

    /**
     * stun.stunprotocol.org runs stuntman with two IP addresses: full RFC 5780 behaviour discovery. The
     * others answer plain Binding requests only; they let the mapping be cross-checked against a
     * different destination.
     */
    public static final List<String> DEFAULT = List.of(
            "stun.stunprotocol.org:3478",
            "stun.l.google.com:19302",
            "stun.cloudflare.com:3478");

    private PublicServers() {}

    public static List<ServerAddress> list() {
        return DEFAULT.stream().map(ServerAddress::parse).toList();
    }
}
