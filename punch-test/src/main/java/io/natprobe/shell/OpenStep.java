package io.natprobe.shell;

import io.natprobe.punch.PunchException;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "open", header = "Step 1: send to the peer, opening our NAT's hole toward it.", description = {
    "The article's step 1: send to the peer's public address from our punching socket. This opens",
    "our NAT's hole toward the peer. The peer's NAT usually drops this first packet: that is expected."})
final class OpenStep extends Step {

    @Parameters(arity = "0..1", paramLabel = "N", defaultValue = "1", description = "Probes to send. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--ttl", paramLabel = "N", description = "IP TTL of these probes (overrides `ttl`): a small TTL passes our NAT but dies before the peer's.")
    Integer ttl;

    OpenStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws PunchException {
        range("N", count, 1, 100);
        if (ttl != null) {
            range("--ttl", ttl, 1, 255);
        }
        var link = ctx.link();
        OptionalInt t = ttl != null ? OptionalInt.of(ttl) : ctx.peekTtl();
        link.open(count, t);
        if (ttl == null) {
            ctx.takeTtl();
        }
        ctx.out.println("sent " + plural(count, "probe") + " to the peer" + (t.isPresent() ? " with TTL " + t.getAsInt() : "")
                + ": our NAT now lets the peer's packets in (for a while). Next: `ask` the peer to send to us.");
        return 0;
    }
}
