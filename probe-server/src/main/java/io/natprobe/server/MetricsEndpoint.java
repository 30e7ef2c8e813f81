package io.natprobe.server;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The HTTP endpoint: {@code /metrics} in Prometheus text format, {@code /health} (200 "ok" while
 * the sockets are serving, 503 otherwise). Bind it to a management address, not the public one.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    public static MetricsEndpoint start(InetSocketAddress at, ServerMetrics metrics, BooleanSupplier healthy)
            throws IOException {
        try {
            HTTPServer server = HTTPServer.builder()
                    .inetAddress(at.getAddress())
                    .port(at.getPort())
                    .registry(metrics.registry())
                    .defaultHandler(exchange -> health(exchange, healthy))
                    .buildAndStart();
            return new MetricsEndpoint(server);
        } catch (IOException e) {
            throw new IOException("cannot serve metrics on " + at.getAddress().getHostAddress() + ":" + at.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void health(HttpExchange exchange, BooleanSupplier healthy) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        if ("/health".equals(path)) {
            boolean ok = healthy.getAsBoolean();
            status = ok ? 200 : 503;
            body = ok ? "ok\n" : "stopping\n";
        } else {
            status = 404;
            body = "not found: try /metrics or /health\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
