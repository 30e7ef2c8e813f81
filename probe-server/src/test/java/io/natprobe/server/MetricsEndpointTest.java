package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countersAndHealthAreServedOverHttp() throws Exception {
        int port;
        try (ProbeServer server = LoopbackServer.start((p, a) -> new ServerConfig(
                List.of(new ServerConfig.Family(LoopbackServer.LO1, LoopbackServer.LO2, null, null)), p, a,
                HandlerOptions.DEFAULT, RateBudget.Limits.DEFAULT, new InetSocketAddress(LoopbackServer.LO1, 0), false,
                true, 1, 1 << 20));
                DatagramSocket c = LoopbackServer.client()) {
            port = server.metricsPort();
            InetSocketAddress pp = new InetSocketAddress(LoopbackServer.LO1, server.config().port());
            LoopbackServer.send(c, StunCodec.encodeWithFingerprint(StunMessage.bindingRequest()), pp);
            assertThat(LoopbackServer.receive(c)).isNotNull();
            LoopbackServer.send(c, new byte[7], pp);
            LoopbackServer.awaitCount(() -> server.metrics().dropCount(DropReason.NOT_STUN), 1);

            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("# TYPE natprobe_stun_replies_total counter")
                    .containsPattern("natprobe_stun_replies_total\\{family=\"ipv4\",kind=\"success\",socket=\"PP\"} 1(\\.0)?\n")
                    .containsPattern("natprobe_stun_drops_total\\{family=\"ipv4\",reason=\"not-stun\",socket=\"PP\"} 1(\\.0)?\n")
                    .containsPattern("natprobe_stun_datagrams_received_total\\{family=\"ipv4\",socket=\"PP\"} 2(\\.0)?\n");
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(get(port, "/nothing-here").statusCode()).isEqualTo(404);
        }
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(java.io.IOException.class);
    }
}
