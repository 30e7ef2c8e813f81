package io.natprobe.shell;

import io.natprobe.cli.ServerAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "server", header = "Choose the probe server (STUN tests and rendezvous).", description = {
    "Chooses the natprobe probe server: it answers the STUN tests of `classify` and hosts the",
    "rendezvous that introduces the two peers. Port 3478 if omitted. Without an argument, shows it."})
final class ServerStep extends Step {

    @Parameters(arity = "0..1", paramLabel = "HOST[:PORT]", description = "e.g. 203.0.113.10:3478 or [2001:db8::1]:3478")
    String address;

    ServerStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        if (address == null) {
            ctx.out.println(ctx.server() == null ? "no server yet: run `server HOST:PORT`" : "server " + ctx.serverText());
            return 0;
        }
        ServerAddress parsed;
        try {
            parsed = ServerAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw ShellError.usage("invalid server \"" + address + "\": " + e.getMessage());
        }
        InetSocketAddress resolved;
        try {
            resolved = parsed.resolve();
        } catch (UnknownHostException e) {
            throw ShellError.failed("cannot resolve " + parsed.host() + " (no DNS answer)");
        }
        if (ctx.closeLink()) {
            ctx.out.println("left the session on the old server " + ctx.serverText());
        }
        ctx.server(parsed.toString(), resolved);
        ctx.out.println("server " + parsed + (parsed.host().equals(resolved.getAddress().getHostAddress())
                ? "" : " (" + resolved.getAddress().getHostAddress() + ")"));
        return 0;
    }
}
