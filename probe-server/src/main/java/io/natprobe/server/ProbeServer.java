package io.natprobe.server;

import java.io.IOException;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;

/**
 * A running probe server: the sockets, the reply budget, the counters and (optionally) the metrics
 * endpoint, started together and stopped together.
 */
public final class ProbeServer implements AutoCloseable {
    /** The socket layer: plain Java NIO (one receive and one send call per datagram) or Netty epoll (batched). */
    public enum Transport { NIO, EPOLL }

    private final ServerConfig config;
    private final AutoCloseable loop;
    private final java.util.function.BooleanSupplier running;
    private final int receiveBuffer;
    private final MetricsEndpoint endpoint;
    private final ServerMetrics metrics;
    private java.util.concurrent.ScheduledExecutorService expirer;
    private io.natprobe.server.rendezvous.RendezvousService rendezvous;

    private ProbeServer(ServerConfig config, AutoCloseable loop, java.util.function.BooleanSupplier running,
            int receiveBuffer, MetricsEndpoint endpoint, ServerMetrics metrics) {
        this.config = config;
        this.receiveBuffer = receiveBuffer;
        this.loop = loop;
        this.running = running;
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    /**
     * Binds and starts serving. {@code packetLog} receives the {@code --log-packets} lines (ignored
     * unless the config asks for them).
     */
    public static ProbeServer start(ServerConfig config, InstantSource clock, PrintStream packetLog,
            OtherMethodHandler otherMethods) throws IOException {
        return start(config, clock, packetLog, otherMethods, Transport.NIO);
    }

    public static ProbeServer start(ServerConfig config, InstantSource clock, PrintStream packetLog,
            OtherMethodHandler otherMethods, Transport transport) throws IOException {
        ServerMetrics metrics = new ServerMetrics();
        ReplyBudget budget = config.budget() == null ? ReplyBudget.UNLIMITED : new RateBudget(config.budget(), clock);
        PacketLog log = config.logPackets() ? new PacketLog(packetLog, clock, 20) : PacketLog.NONE;
        AutoCloseable loop;
        java.util.function.BooleanSupplier running;
        int receiveBuffer;
        if (transport == Transport.EPOLL) {
            EpollServerLoop l = EpollServerLoop.start(config, budget, metrics, log, otherMethods);
            loop = l;
            running = l::running;
            receiveBuffer = l.smallestReceiveBuffer();
        } else {
            ServerLoop l = ServerLoop.start(config, budget, metrics, log, otherMethods);
            loop = l;
            running = l::running;
            receiveBuffer = l.smallestReceiveBuffer();
        }
        MetricsEndpoint endpoint = null;
        if (config.metrics() != null) {
            try {
                endpoint = MetricsEndpoint.start(config.metrics(), metrics, running);
            } catch (IOException e) {
                closeQuietly(loop);
                throw e;
            }
        }
        return new ProbeServer(config, loop, running, receiveBuffer, endpoint, metrics);
    }

    /**
     * Starts the server with the rendezvous service on the primary socket (docs/protocol.md): its
     * counters join the metrics, and idle sessions are expired about once a second.
     */
    public static ProbeServer startWithRendezvous(ServerConfig config, InstantSource clock, PrintStream packetLog,
            io.natprobe.server.rendezvous.RendezvousService service) throws IOException {
        return startWithRendezvous(config, clock, packetLog, service, Transport.NIO);
    }

    public static ProbeServer startWithRendezvous(ServerConfig config, InstantSource clock, PrintStream packetLog,
            io.natprobe.server.rendezvous.RendezvousService service, Transport transport) throws IOException {
        ProbeServer server = start(config, clock, packetLog,
                new io.natprobe.server.rendezvous.RendezvousHandler(service, clock), transport);
        io.natprobe.server.rendezvous.RendezvousMetrics.register(server.metrics.registry(), service);
        server.rendezvous = service;
        server.expirer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "natprobe-rendezvous-expiry");
            t.setDaemon(true);
            return t;
        });
        server.expirer.scheduleAtFixedRate(() -> service.expire(clock.instant()), 1, 1,
                java.util.concurrent.TimeUnit.SECONDS);
        return server;
    }

    /** The rendezvous service, or null when the server runs without one. */
    public io.natprobe.server.rendezvous.RendezvousService rendezvous() {
        return rendezvous;
    }

    /** Runs the startup self-check (see {@link SelfCheck}); the problems, empty when all is well. */
    public List<String> selfCheck() throws IOException {
        return new SelfCheck(300, 3).run(config);
    }

    /** The smallest socket receive buffer the kernel granted, in bytes. */
    public int receiveBuffer() {
        return receiveBuffer;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public ServerConfig config() {
        return config;
    }

    /** The port the metrics endpoint listens on, or -1 without one. */
    public int metricsPort() {
        return endpoint == null ? -1 : endpoint.port();
    }

    public boolean running() {
        return running.getAsBoolean();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // both loops close without throwing; nothing to add to the error being reported
        }
    }

    @Override
    public void close() {
        if (expirer != null) {
            expirer.shutdownNow();
        }
        closeQuietly(loop);
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
