package io.natprobe.server;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The server's counters, in a Prometheus registry: requests received, replies sent (by kind) and
 * datagrams dropped (by reason, budget refusals included), each per address family and socket role.
 * Data points are resolved once up front, so counting on the hot path is a lock-free add.
 */
public final class ServerMetrics {
    public static final String[] FAMILIES = {"ipv4", "ipv6"};

    private final PrometheusRegistry registry;
    private final CounterDataPoint[][] received = new CounterDataPoint[2][4];
    private final CounterDataPoint[][][] replies = new CounterDataPoint[2][4][Outcome.ReplyKind.values().length];
    private final CounterDataPoint[][][] drops = new CounterDataPoint[2][4][DropReason.values().length];

    public ServerMetrics() {
        this(new PrometheusRegistry());
    }

    public ServerMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        Counter req = Counter.builder().name("natprobe_stun_datagrams_received_total")
                .help("UDP datagrams received, per address family and socket (PP, PA, AP, AA)")
                .labelNames("family", "socket").withoutExemplars().register(registry);
        Counter rep = Counter.builder().name("natprobe_stun_replies_total")
                .help("Replies sent, per address family, socket sent from, and kind")
                .labelNames("family", "socket", "kind").withoutExemplars().register(registry);
        Counter drop = Counter.builder().name("natprobe_stun_drops_total")
                .help("Datagrams dropped without a reply, per family, arrival socket and reason"
                        + " (reason=\"budget\" counts per-source rate-limit refusals)")
                .labelNames("family", "socket", "reason").withoutExemplars().register(registry);
        for (int f = 0; f < 2; f++) {
            for (SocketRole role : SocketRole.values()) {
                int r = role.ordinal();
                received[f][r] = req.labelValues(FAMILIES[f], role.name());
                for (Outcome.ReplyKind k : Outcome.ReplyKind.values()) {
                    replies[f][r][k.ordinal()] = rep.labelValues(FAMILIES[f], role.name(), k.label());
                }
                for (DropReason d : DropReason.values()) {
                    drops[f][r][d.ordinal()] = drop.labelValues(FAMILIES[f], role.name(), d.label());
                }
            }
        }
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** {@code family}: 0 IPv4, 1 IPv6. */
    public void received(int family, SocketRole arrival) {
        received[family][arrival.ordinal()].inc();
    }

    public void replied(int family, SocketRole from, Outcome.ReplyKind kind) {
        replies[family][from.ordinal()][kind.ordinal()].inc();
    }

    public void dropped(int family, SocketRole arrival, DropReason reason) {
        drops[family][arrival.ordinal()][reason.ordinal()].inc();
    }

    public long receivedCount(int family, SocketRole role) {
        return received[family][role.ordinal()].getLongValue();
    }

    public long replyCount(int family, SocketRole from, Outcome.ReplyKind kind) {
        return replies[family][from.ordinal()][kind.ordinal()].getLongValue();
    }

    public long dropCount(int family, SocketRole arrival, DropReason reason) {
        return drops[family][arrival.ordinal()][reason.ordinal()].getLongValue();
    }

    /** Total drops for a reason over every family and socket. */
    public long dropCount(DropReason reason) {
        long n = 0;
        for (int f = 0; f < 2; f++) {
            for (SocketRole r : SocketRole.values()) {
                n += dropCount(f, r, reason);
            }
        }
        return n;
    }
}
