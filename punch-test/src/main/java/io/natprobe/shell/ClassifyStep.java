package io.natprobe.shell;

import io.natprobe.classify.Classifier;
import io.natprobe.classify.NatReport;
import io.natprobe.cli.ExitCodes;
import io.natprobe.net.RetransmissionPolicy;
import io.natprobe.net.UdpTransport;
import io.natprobe.report.ReportText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "classify", header = "Classify this side's NAT against that server.", description = {
    "Runs `natprobe classify` against the shell's server: how this side's NAT maps and filters,",
    "and what that means for punching. Uses its own sockets; the punch session is not disturbed."})
final class ClassifyStep extends Step {

    ClassifyStep(ShellContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws IOException {
        InetSocketAddress server = ctx.server();
        if (server == null) {
            throw ShellError.usage("no server yet: run `server HOST:PORT` first (a natprobe probe server, "
                    + "which supports the full RFC 5780 test)");
        }
        NatReport r;
        try (UdpTransport net = new UdpTransport(UdpTransport.localAddressFor(server), ctx.clock)) {
            r = Classifier.classify(net, ctx.clock, RetransmissionPolicy.FAST, List.of(server));
        }
        ctx.lastClassify(r);
        ctx.out.print(ReportText.classify(r, null));
        if (!r.anyServerAnswered()) {
            return ExitCodes.NO_SERVER;
        }
        return r.complete() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
