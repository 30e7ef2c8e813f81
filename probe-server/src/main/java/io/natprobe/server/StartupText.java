package io.natprobe.server;

import java.io.PrintWriter;
import java.net.InetSocketAddress;

/** What {@code natprobe server} prints once it is serving. */
final class StartupText {
    private StartupText() {}

    static void print(PrintWriter out, ServerConfig cfg, int metricsPort) {
        out.println("natprobe server: answering STUN Binding requests (RFC 8489, RFC 5780) on UDP:");
        boolean single = false;
        for (ServerConfig.Family f : cfg.families()) {
            AdvertisedAddresses bound = f.bound(cfg.port(), cfg.altPort());
            AdvertisedAddresses adv = f.advertised(cfg.port(), cfg.altPort());
            for (SocketRole role : bound.roles()) {
                InetSocketAddress b = bound.get(role);
                InetSocketAddress a = adv.get(role);
                out.println("  " + role + "  " + hostPort(b) + (a.equals(b) ? "" : "  (advertised as " + hostPort(a) + ")"));
            }
            single |= !bound.twoAddresses();
        }
        if (single) {
            out.println("  Single-address mode: clients learn their public address, but NAT classification");
            out.println("  (mapping and filtering behaviour) needs two addresses on this host: add --alternate IP.");
            out.println("  (RFC 5780 §6: no OTHER-ADDRESS is sent and CHANGE-REQUEST is answered with error 420.)");
        }
        if (cfg.budget() == null) {
            out.println("  Per-source reply budget: OFF (--no-rate-limit): do not expose this server to the internet.");
        } else {
            RateBudget.Limits l = cfg.budget();
            out.println("  Per-source reply budget: " + fmt(l.perSecond()) + "/s (burst " + l.burst()
                    + "); PADDING, RESPONSE-PORT, CHANGE-REQUEST: " + fmt(l.expensivePerSecond()) + "/s (burst "
                    + l.expensiveBurst() + ")");
        }
        if (!cfg.handler().rfc3489()) {
            out.println("  Classic RFC 3489 requests (no magic cookie) are ignored (--no-rfc3489).");
        }
        if (cfg.metrics() != null) {
            String h = hostPort(new InetSocketAddress(cfg.metrics().getAddress(), metricsPort));
            out.println("  Metrics: http://" + h + "/metrics   health: http://" + h + "/health");
        }
        if (cfg.selfCheck()) {
            out.println("  Self-check passed: every socket answers from the address it advertises.");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String hostPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }
}
