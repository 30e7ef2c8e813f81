package io.natprobe.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real UDP sockets for a {@link PlanRunner}: one non-blocking {@link DatagramChannel} per plan socket,
 * all on one {@link Selector}. A connected channel reports ICMP port-unreachable as
 * {@link PortUnreachableException}; that becomes an {@link Network.Unreachable} observation, never a crash
 * (NAT-FACTS: the socket keeps working afterwards).
 */
public final class UdpTransport implements Network {

    private final InetAddress bindAddress;
    private final InstantSource clock;
    private final Selector selector;
    private final Map<Integer, DatagramChannel> channels = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(65_536);

    /** @param bindAddress the local IP every socket binds to (see {@link #localAddressFor}) */
    public UdpTransport(InetAddress bindAddress, InstantSource clock) {
        this.bindAddress = bindAddress;
        this.clock = clock;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The local IP the kernel would use to reach {@code peer} (a connected UDP socket sends nothing). Binding
     * every probe socket to it makes "local address" in the report the real one, not 0.0.0.0.
     */
    public static InetAddress localAddressFor(InetSocketAddress peer) throws IOException {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.connect(peer);
            return ((InetSocketAddress) c.getLocalAddress()).getAddress();
        }
    }

    @Override
    public InetSocketAddress open(int socket, InetSocketAddress peer) throws IOException {
        if (channels.containsKey(socket)) throw new IllegalStateException("socket already open: " + socket);
        DatagramChannel c = DatagramChannel.open();
        try {
            c.bind(new InetSocketAddress(bindAddress, 0));
            if (peer != null) c.connect(peer);
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ, socket);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        channels.put(socket, c);
        return (InetSocketAddress) c.getLocalAddress();
    }

    @Override
    public List<Inbound> send(int socket, InetSocketAddress to, byte[] datagram) throws IOException {
        DatagramChannel c = channel(socket);
        try {
            if (c.isConnected()) c.write(ByteBuffer.wrap(datagram));
            else c.send(ByteBuffer.wrap(datagram), to);
            return List.of();
        } catch (PortUnreachableException e) {
            // An ICMP error from an earlier datagram is reported on the next call on a connected socket.
            return List.of(new Unreachable(socket));
        }
    }

    @Override
    public List<Inbound> receive(Instant until) throws IOException {
        Duration left = Duration.between(clock.instant(), until);
        long millis = left.compareTo(Duration.ofMinutes(1)) > 0 ? 60_000 : left.toMillis();
        List<Inbound> in = new ArrayList<>();
        // Readiness is level-triggered: datagrams already queued show up in selectNow without waiting.
        int ready = selector.selectNow();
        if (ready == 0 && millis > 0) selector.select(millis);
        for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid()) drain((Integer) key.attachment(), (DatagramChannel) key.channel(), in);
        }
        selector.selectedKeys().clear();
        return in;
    }

    private void drain(int socket, DatagramChannel c, List<Inbound> in) throws IOException {
        for (int i = 0; i < 64; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = c.receive(buffer);
            } catch (PortUnreachableException ex) {
                in.add(new Unreachable(socket));
                continue;
            }
            if (from == null) return;
            buffer.flip();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            in.add(new Datagram(socket, (InetSocketAddress) from, data));
        }
    }

    private DatagramChannel channel(int socket) {
        DatagramChannel c = channels.get(socket);
        if (c == null) throw new IllegalStateException("socket not open: " + socket);
        return c;
    }

    @Override
    public void closeSocket(int socket) {
        DatagramChannel c = channels.remove(socket);
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a UDP channel does not fail in a way we can act on
            }
        }
    }

    @Override
    public void close() {
        for (Integer s : List.copyOf(channels.keySet())) closeSocket(s);
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
