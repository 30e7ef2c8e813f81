package io.natprobe.bench;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends STUN Binding requests from K connected UDP sockets, either closed loop (W outstanding per
 * socket) or open loop (a total rate), and validates every response: its transaction id must be one
 * of that socket's outstanding requests and its XOR-MAPPED-ADDRESS must be the socket's own address.
 * A transaction id is 4 random bytes per socket + an 8-byte sequence number, so matching is a
 * ring-buffer lookup. One thread, one selector.
 */
public final class LoadGenerator {
    /** What to run. {@code rate} 0 means closed loop. */
    public record Settings(InetSocketAddress server, int sockets, int window, double seconds, double rate,
            long timeoutMillis) {
        public Settings {
            if (sockets < 1 || sockets > 1024) throw new IllegalArgumentException("sockets out of range (expected: 1..1024): " + sockets);
            if (window < 1 || window > 4096) throw new IllegalArgumentException("window out of range (expected: 1..4096): " + window);
            if (seconds <= 0 || seconds > 3600) throw new IllegalArgumentException("duration out of range (expected: 0..3600 s): " + seconds);
            if (rate < 0 || rate > 10_000_000) throw new IllegalArgumentException("rate out of range (expected: 0..10000000): " + rate);
            if (timeoutMillis < 1) throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
        }
    }

    private static final int RING = 1 << 16;

    private final Settings settings;
    private final LatencyHistogram latency = new LatencyHistogram();
    private long sent;
    private long valid;
    private long invalid;
    private long lost;
    private long late;

    public LoadGenerator(Settings settings) {
        this.settings = settings;
    }

    /** Per-socket state: outstanding requests by sequence number (send time, 0 = not outstanding). */
    private static final class Flow {
        final DatagramChannel channel;
        final InetSocketAddress local;
        final byte[] prefix = new byte[4];
        final long[] sentAt = new long[RING];
        long nextSeq;
        long oldestSeq;
        int outstanding;

        Flow(DatagramChannel channel, InetSocketAddress local, int index) {
            this.channel = channel;
            this.local = local;
            new java.util.Random(System.nanoTime() ^ index * 0x9E3779B97F4A7C15L).nextBytes(prefix);
        }
    }

    public BenchReport run() throws IOException {
        List<Flow> flows = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < settings.sockets(); i++) {
                DatagramChannel ch = DatagramChannel.open(settings.server().getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                ch.connect(settings.server());
                ch.configureBlocking(false);
                Flow f = new Flow(ch, (InetSocketAddress) ch.getLocalAddress(), i);
                ch.register(selector, SelectionKey.OP_READ, f);
                flows.add(f);
            }
            return drive(selector, flows);
        } finally {
            for (Flow f : flows) {
                f.channel.close();
            }
        }
    }

    private BenchReport drive(Selector selector, List<Flow> flows) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(65536);
        ByteBuffer out = ByteBuffer.allocate(64);
        long start = System.nanoTime();
        long end = start + (long) (settings.seconds() * 1e9);
        long timeout = settings.timeoutMillis() * 1_000_000L;
        boolean open = settings.rate() > 0;
        double interval = open ? 1e9 / settings.rate() : 0;
        long openSent = 0;
        int rr = 0;
        if (!open) {
            for (Flow f : flows) {
                for (int i = 0; i < settings.window(); i++) {
                    send(f, out, System.nanoTime());
                }
            }
        }
        long drainUntil = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (now >= end && drainUntil == Long.MAX_VALUE) {
                drainUntil = now + timeout;
            }
            if (now >= drainUntil) {
                break;
            }
            if (open && now < end) {
                long due = (long) ((now - start) / interval);
                while (openSent < due) {
                    Flow f = flows.get(rr++ % flows.size());
                    if (f.outstanding < RING / 2) {
                        send(f, out, now);
                    }
                    openSent++;
                }
            }
            selector.select(1);
            for (SelectionKey key : selector.selectedKeys()) {
                Flow f = (Flow) key.attachment();
                while (true) {
                    in.clear();
                    if (f.channel.receive(in) == null) {
                        break;
                    }
                    long at = System.nanoTime();
                    if (accept(f, in.array(), in.position(), at) && !open && at < end) {
                        send(f, out, at);
                    }
                }
            }
            selector.selectedKeys().clear();
            // Expire requests older than the timeout; in closed loop, replace them.
            now = System.nanoTime();
            for (Flow f : flows) {
                while (f.oldestSeq < f.nextSeq) {
                    long t = f.sentAt[(int) (f.oldestSeq & (RING - 1))];
                    if (t != 0 && now - t < timeout) {
                        break;
                    }
                    if (t != 0) {
                        f.sentAt[(int) (f.oldestSeq & (RING - 1))] = 0;
                        f.outstanding--;
                        lost++;
                        if (!open && now < end) {
                            send(f, out, now);
                        }
                    }
                    f.oldestSeq++;
                }
            }
        }
        for (Flow f : flows) {
            lost += f.outstanding;
        }
        double seconds = settings.seconds();
        return new BenchReport(BenchReport.SCHEMA, settings.server().getAddress().getHostAddress() + ":"
                + settings.server().getPort(), settings.sockets(), settings.window(), settings.rate(), seconds, sent, valid,
                invalid, lost, late, valid / seconds, sent == 0 ? 0 : 100.0 * lost / sent,
                latency.percentileMicros(0.50), latency.percentileMicros(0.90), latency.percentileMicros(0.99),
                latency.percentileMicros(0.999), latency.maxMicros());
    }

    private void send(Flow f, ByteBuffer out, long now) throws IOException {
        long seq = f.nextSeq;
        if (seq - f.oldestSeq >= RING) {
            return; // ring full of unanswered requests: wait for the timeout to free slots
        }
        byte[] id = new byte[12];
        System.arraycopy(f.prefix, 0, id, 0, 4);
        for (int i = 0; i < 8; i++) {
            id[4 + i] = (byte) (seq >>> (56 - 8 * i));
        }
        out.clear();
        out.put(StunCodec.encode(new StunMessage(MessageType.BINDING_REQUEST, TransactionId.of(id), List.of())));
        out.flip();
        if (f.channel.write(out) == 0) {
            return; // socket buffer full: try again with the next event
        }
        f.sentAt[(int) (seq & (RING - 1))] = now;
        f.nextSeq++;
        f.outstanding++;
        sent++;
    }

    /** Validates one response; true when it was valid and matched an outstanding request. */
    private boolean accept(Flow f, byte[] d, int len, long now) {
        StunMessage m;
        try {
            m = StunCodec.decode(d, 0, len);
        } catch (StunParseException e) {
            invalid++;
            return false;
        }
        byte[] id = m.transactionId().toBytes();
        if (id.length != 12 || !m.type().equals(MessageType.BINDING_SUCCESS)
                || id[0] != f.prefix[0] || id[1] != f.prefix[1] || id[2] != f.prefix[2] || id[3] != f.prefix[3]) {
            invalid++;
            return false;
        }
        long seq = 0;
        for (int i = 0; i < 8; i++) {
            seq = seq << 8 | (id[4 + i] & 0xFF);
        }
        if (seq >= f.nextSeq || seq < f.nextSeq - RING) {
            invalid++;
            return false;
        }
        int slot = (int) (seq & (RING - 1));
        long t = f.sentAt[slot];
        if (t == 0 || seq < f.oldestSeq) {
            late++; // answered after its timeout (or twice): stays counted as lost
            return false;
        }
        InetSocketAddress mapped = m.get(Attribute.XorMappedAddress.class).map(Attribute.XorMappedAddress::address).orElse(null);
        if (!f.local.equals(mapped)) {
            invalid++;
            return false;
        }
        f.sentAt[slot] = 0;
        f.outstanding--;
        valid++;
        latency.record(now - t);
        return true;
    }
}
