package io.natprobe.server;

import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/** Test helpers: a real server on 127.0.0.1 + 127.0.0.2 on free ports, and a tiny client. */
final class LoopbackServer {
    static final InetAddress LO1 = BindingHandlerTest.ip("127.0.0.1");
    static final InetAddress LO2 = BindingHandlerTest.ip("127.0.0.2");

    private LoopbackServer() {}

    /** Starts a server on random free ports; {@code config} gets (port, altPort). */
    static ProbeServer start(BiFunction<Integer, Integer, ServerConfig> config) throws IOException {
        return start(config, ProbeServer.Transport.NIO);
    }

    static ProbeServer start(BiFunction<Integer, Integer, ServerConfig> config, ProbeServer.Transport transport)
            throws IOException {
        IOException last = null;
        for (int i = 0; i < 30; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 60000);
            try {
                return ProbeServer.start(config.apply(port, port + 1), InstantSource.system(), System.err, null, transport);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    static ServerConfig twoAddresses(int port, int altPort, RateBudget.Limits limits) {
        return new ServerConfig(List.of(new ServerConfig.Family(LO1, LO2, null, null)), port, altPort,
                HandlerOptions.DEFAULT, limits, null, false, true, 1, ServerConfig.DEFAULT_RECEIVE_BUFFER);
    }

    /** A received datagram: where it came from and what it said. */
    record Received(InetSocketAddress from, byte[] bytes) {
        StunMessage message() throws Exception {
            return StunCodec.decode(bytes);
        }
    }

    static DatagramSocket client() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO1, 0));
        s.setSoTimeout(3000);
        return s;
    }

    static void send(DatagramSocket s, byte[] bytes, InetSocketAddress to) throws IOException {
        s.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** The next datagram, or null after the socket's timeout. */
    static Received receive(DatagramSocket s) throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new Received((InetSocketAddress) p.getSocketAddress(), java.util.Arrays.copyOf(buf, p.getLength()));
    }

    /** Waits (up to 5 s) until a counter reaches a value; returns its final value. */
    static long awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return counter.getAsLong();
    }
}
