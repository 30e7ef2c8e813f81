package io.natprobe.cli;

import io.natprobe.net.RetransmissionPolicy;
import io.natprobe.net.UdpTransport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the one-shot probes: retransmission timing and the local address. */
public final class ProbeOptions {

    @Option(names = "--rto", paramLabel = "MS", defaultValue = "75",
            description = "Retransmission timeout in ms (RFC 8489 RTO; doubles on every resend). Default: ${DEFAULT-VALUE}.")
    int rtoMillis;

    @Option(names = "--rc", paramLabel = "N", defaultValue = "4",
            description = "Sends per request before giving up (RFC 8489 Rc). Default: ${DEFAULT-VALUE}.")
    int rc;

    @Option(names = "--rm", paramLabel = "N", defaultValue = "4",
            description = "After the last send, wait N x RTO for an answer (RFC 8489 Rm). Default: ${DEFAULT-VALUE}.")
    int rm;

    @Option(names = "--bind", paramLabel = "IP",
            description = "Local IP address to send from (default: the one the system uses to reach the first server).")
    String bind;

    RetransmissionPolicy policy() {
        if (rtoMillis < 1 || rtoMillis > 10_000) throw new IllegalArgumentException("--rto out of range (expected: 1..10000 ms): " + rtoMillis);
        if (rc < 1 || rc > 20) throw new IllegalArgumentException("--rc out of range (expected: 1..20): " + rc);
        if (rm < 1 || rm > 64) throw new IllegalArgumentException("--rm out of range (expected: 1..64): " + rm);
        return new RetransmissionPolicy(Duration.ofMillis(rtoMillis), rc, rm);
    }

    /** Opens real sockets bound to {@code --bind} or to the local address that routes to {@code first}. */
    UdpTransport transport(InetSocketAddress first) throws IOException {
        InetAddress local = bind != null ? InetAddress.getByName(bind) : UdpTransport.localAddressFor(first);
        return new UdpTransport(local, InstantSource.system());
    }

    /** Resolves every server; unresolvable names are reported in {@code problems} and left out. */
    static List<InetSocketAddress> resolve(List<ServerAddress> servers, List<String> problems) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (ServerAddress s : servers) {
            try {
                InetSocketAddress a = s.resolve();
                if (!out.isEmpty() && (a.getAddress() instanceof Inet4Address) != (out.get(0).getAddress() instanceof Inet4Address)) {
                    problems.add("skipped " + s + ": it is not the same IP version as " + out.get(0).getHostString()
                            + " (one run probes over one IP version).");
                    continue;
                }
                out.add(a);
            } catch (UnknownHostException e) {
                problems.add("cannot resolve " + s.host() + " (no DNS answer)");
            }
        }
        return out;
    }
}
