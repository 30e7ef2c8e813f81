package io.natprobe.shell;

import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ttl", header = "IP TTL of the next `open` (to keep it away from the far NAT).", description = {
    "Sets the IP TTL of the next `open`. A TTL just large enough to pass our own NAT opens our hole",
    "without the packet reaching the peer's NAT, so that NAT neither answers with an ICMP error nor",
    "keeps any state for it (the article's pitfall 1). `ttl off` goes back to the normal TTL."})
final class TtlStep extends Step {

    @Parameters(paramLabel = "N|off", description = "1..255 (2 or 3 is typical: our NAT is 1-2 hops away), or off")
    String value;

    TtlStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        if (value.equalsIgnoreCase("off")) {
            ctx.nextTtl(OptionalInt.empty());
            ctx.out.println("the next `open` uses the normal TTL.");
            return 0;
        }
        int ttl;
        try {
            ttl = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ShellError.usage("TTL is a number of hops 1..255 or `off` (got \"" + value + "\")");
        }
        range("TTL", ttl, 1, 255);
        ctx.nextTtl(OptionalInt.of(ttl));
        ctx.out.println("the next `open` sends with TTL " + ttl + " (if this system cannot set it, `open` says so).");
        return 0;
    }
}
