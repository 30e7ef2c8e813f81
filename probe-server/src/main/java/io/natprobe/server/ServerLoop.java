package io.natprobe.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The I/O edge: binds the sockets (per family: PP, and with an alternate address PA, AP, AA), and
 * per socket runs a thread that receives a datagram, asks the {@link BindingHandler}, and sends the
 * reply from the socket of the role the handler chose. With {@code threadsPerSocket > 1} each role
 * gets that many SO_REUSEPORT sockets and the kernel spreads the senders over them.
 */
public final class ServerLoop implements AutoCloseable {
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Map<SocketRole, DatagramChannel>> firstByRole = new ArrayList<>();
    private final ServerMetrics metrics;
    private final PacketLog log;
    private volatile boolean running = true;
    private int smallestReceiveBuffer = Integer.MAX_VALUE;

    private ServerLoop(ServerMetrics metrics, PacketLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    /** Binds every socket and starts the threads. On a bind failure everything opened is closed again. */
    public static ServerLoop start(ServerConfig config, ReplyBudget budget, ServerMetrics metrics, PacketLog log,
            OtherMethodHandler otherMethods) throws IOException {
        ServerLoop loop = new ServerLoop(metrics, log);
        try {
            List<Runnable> workers = new ArrayList<>();
            for (ServerConfig.Family family : config.families()) {
                int f = family.ipv6() ? 1 : 0;
                AdvertisedAddresses bound = family.bound(config.port(), config.altPort());
                BindingHandler handler = new BindingHandler(family.advertised(config.port(), config.altPort()),
                        config.handler(), otherMethods);
                Map<SocketRole, DatagramChannel> first = new EnumMap<>(SocketRole.class);
                loop.firstByRole.add(first);
                for (SocketRole role : bound.roles()) {
                    for (int t = 0; t < config.threadsPerSocket(); t++) {
                        DatagramChannel ch = DatagramChannel.open(family.ipv6() ? StandardProtocolFamily.INET6
                                : StandardProtocolFamily.INET);
                        loop.channels.add(ch);
                        ch.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
                        // The JDK already halves the doubled size Linux reports (unlike Netty's epoll channel).
                        loop.smallestReceiveBuffer = Math.min(loop.smallestReceiveBuffer,
                                ch.getOption(StandardSocketOptions.SO_RCVBUF));
                        if (config.threadsPerSocket() > 1) {
                            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                        }
                        InetSocketAddress at = bound.get(role);
                        try {
                            ch.bind(at);
                        } catch (IOException e) {
                            throw new IOException("cannot listen on " + at.getAddress().getHostAddress() + " port "
                                    + at.getPort() + " (socket " + role + "): " + e.getMessage()
                                    + ". Is the address configured on this host and the port free?", e);
                        }
                        first.putIfAbsent(role, ch);
                        workers.add(() -> loop.serve(ch, f, role, handler, first, budget));
                    }
                }
            }
            int n = 0;
            for (Runnable w : workers) {
                Thread th = new Thread(w, "natprobe-server-" + n++);
                th.setDaemon(true);
                loop.threads.add(th);
            }
            loop.threads.forEach(Thread::start);
            return loop;
        } catch (IOException | RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    /** The local address a role is bound to, for the first family given (for tests and the startup text). */
    public InetSocketAddress localAddress(int familyIndex, SocketRole role) throws IOException {
        return (InetSocketAddress) firstByRole.get(familyIndex).get(role).getLocalAddress();
    }

    public boolean running() {
        return running;
    }

    /** The smallest receive buffer the kernel granted (it caps requests at net.core.rmem_max). */
    int smallestReceiveBuffer() {
        return smallestReceiveBuffer;
    }

    private void serve(DatagramChannel ch, int family, SocketRole role, BindingHandler handler,
            Map<SocketRole, DatagramChannel> sockets, ReplyBudget budget) {
        ByteBuffer in = ByteBuffer.allocate(65536); // any UDP datagram fits
        byte[] buf = in.array();
        ByteBuffer out = ByteBuffer.allocateDirect(65536); // reused: no wrapper or temporary copy per reply
        String familyName = ServerMetrics.FAMILIES[family];
        while (running) {
            InetSocketAddress source;
            try {
                in.clear();
                source = (InetSocketAddress) ch.receive(in);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                continue; // e.g. a transient ICMP error report: the socket is still good
            }
            int len = in.position();
            metrics.received(family, role);
            Outcome outcome;
            try {
                outcome = handler.handle(buf, 0, len, source, role, budget);
            } catch (RuntimeException e) {
                outcome = new Outcome.Drop(DropReason.INTERNAL_ERROR);
            }
            if (outcome instanceof Outcome.Replies many) {
                for (Outcome.Reply r : many.replies()) {
                    send(ch, out, family, role, sockets, r, familyName, source, len);
                }
            } else if (outcome instanceof Outcome.Reply r) {
                send(ch, out, family, role, sockets, r, familyName, source, len);
            } else if (outcome instanceof Outcome.Drop d) {
                metrics.dropped(family, role, d.reason());
                if (log.enabled()) {
                    log.log(familyName, role, source, len, "drop " + d.reason().label());
                }
            }
        }
    }

    private void send(DatagramChannel ch, ByteBuffer out, int family, SocketRole role,
            Map<SocketRole, DatagramChannel> sockets, Outcome.Reply r, String familyName, InetSocketAddress source,
            int len) {
        DatagramChannel sender = r.from() == role ? ch : sockets.get(r.from());
        try {
            out.clear();
            out.put(r.bytes()).flip();
            sender.send(out, r.to());
            metrics.replied(family, r.from(), r.kind());
        } catch (IOException e) {
            metrics.dropped(family, role, DropReason.SEND_FAILED);
        }
        if (log.enabled()) {
            log.log(familyName, role, source, len, "reply " + r.kind().label() + " from " + r.from() + " to "
                    + r.to().getAddress().getHostAddress() + ":" + r.to().getPort() + " (" + r.bytes().length
                    + " bytes)");
        }
    }

    /** Stops receiving, closes every socket and waits (briefly) for the threads. Idempotent. */
    @Override
    public void close() {
        running = false;
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a UDP socket cannot lose data
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
