package io.natprobe.shell;

import io.natprobe.log.PacketLineFormat;
import io.natprobe.punch.LinkStatus;
import io.natprobe.punch.PeerLink;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(name = "status", header = "Addresses of both sides, state, hole age.", description = {
    "Where we stand: our local and public address, the peer's addresses, the state, and how long",
    "ago we last sent to the peer (the age of our NAT's hole toward it)."})
final class StatusStep extends Step {

    StatusStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        row("server", ctx.server() == null ? "none (run `server HOST:PORT`)" : ctx.serverText());
        PeerLink link = ctx.linkOrNull();
        if (link == null) {
            row("session", "none (run `session new` or `session join CODE`)");
            ttlRow();
            return 0;
        }
        LinkStatus s = link.status();
        row("session", s.session() == null ? "none" : s.session() + (s.role() == null ? "" : " (you are " + s.role() + ")"));
        row("state", s.state() == null ? "unknown" : s.state().toLowerCase(Locale.ROOT).replace('_', ' '));
        row("local address", address(s.local()));
        row("public address", s.mapped() == null ? "not known yet" : address(s.mapped()) + " (as the server sees it)");
        row("peer public", s.peerReflexive() == null ? "not known yet (no peer in the session)" : address(s.peerReflexive()));
        if (!s.peerLocals().isEmpty()) {
            row("peer local", s.peerLocals().stream().map(StatusStep::address).collect(Collectors.joining(", ")));
        }
        if (s.peerSeenFrom() != null) {
            row("peer seen from", address(s.peerSeenFrom()) + seenFromNote(s));
        }
        row("hole age", s.holeAge() == null ? "no hole yet (nothing sent to the peer)"
                : Durations.show(s.holeAge()) + " since we last sent to the peer");
        row("last heard", s.lastHeard() == null ? "never" : Durations.show(s.lastHeard()) + " ago");
        row("keepalive", s.keepalive() == null ? "off" : "every " + Durations.show(s.keepalive()));
        ttlRow();
        return 0;
    }

    /** Why the peer's probes came from another address than the server saw, in plain words. */
    static String seenFromNote(LinkStatus s) {
        InetSocketAddress seen = s.peerSeenFrom();
        InetSocketAddress told = s.peerReflexive();
        if (told == null || seen.equals(told)) {
            return "";
        }
        if (s.peerLocals().contains(seen)) {
            return " (the peer's local address: the direct path inside one network works)";
        }
        if (seen.getAddress() != null && seen.getAddress().equals(told.getAddress())) {
            return " (not the port the server saw: the peer's NAT used another public port toward us)";
        }
        return " (not the address the server saw)";
    }

    private void ttlRow() {
        ctx.peekTtl().ifPresent(t -> row("next open TTL", String.valueOf(t)));
    }

    private void row(String name, String value) {
        ctx.out.printf(Locale.ROOT, "  %-15s %s%n", name, value);
    }

    static String address(InetSocketAddress a) {
        return a == null ? "not known" : PacketLineFormat.address(a);
    }

    static String age(Duration d) {
        return d == null ? "none" : Durations.show(d);
    }
}
