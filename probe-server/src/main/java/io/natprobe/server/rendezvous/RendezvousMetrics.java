package io.natprobe.server.rendezvous;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Exports {@link RendezvousStats} and the live session count as Prometheus metrics (read on scrape). */
public final class RendezvousMetrics {
    private RendezvousMetrics() {}

    public static void register(PrometheusRegistry registry, RendezvousService service) {
        RendezvousStats s = service.stats();
        Map<String, LongAdder> events = new LinkedHashMap<>();
        events.put("created", s.created);
        events.put("busy", s.busy);
        events.put("registered", s.registered);
        events.put("refreshed", s.refreshed);
        events.put("auth-failure", s.authFailures);
        events.put("third-peer-refused", s.thirdPeerRefused);
        events.put("replay-refused", s.replaysRefused);
        events.put("relayed", s.relayed);
        events.put("outbox-dropped", s.outboxDropped);
        events.put("left", s.left);
        events.put("expired", s.expired);
        events.put("malformed", s.malformed);
        CounterWithCallback.builder().name("natprobe_rendezvous_events_total")
                .help("Rendezvous events by kind (docs/protocol.md): sessions created, peers registered, "
                        + "refusals, relayed control messages, expiries")
                .labelNames("event")
                .callback(cb -> events.forEach((k, v) -> cb.call(v.sum(), k)))
                .register(registry);
        GaugeWithCallback.builder().name("natprobe_rendezvous_sessions")
                .help("Live rendezvous sessions")
                .callback(cb -> cb.call(service.sessionCount()))
                .register(registry);
    }
}
