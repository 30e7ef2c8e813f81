package io.natprobe.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes packet events as a classic pcap file with synthesized IP/UDP frames (LINKTYPE_RAW), so
 * Wireshark and tshark open it and decode STUN. Only SENT and RECEIVED events that kept their payload
 * become frames; addresses are the socket addresses this side saw (the local address, not the NAT's).
 */
public final class PcapPacketLog implements PacketLog {
    static final int LINKTYPE_RAW = 101;
    private final OutputStream out;
    private int ipId;

    public PcapPacketLog(OutputStream out) throws IOException {
        this.out = new BufferedOutputStream(out);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_RAW);
        this.out.write(h.array());
    }

    public static PcapPacketLog create(Path file) throws IOException {
        return new PcapPacketLog(Files.newOutputStream(file));
    }

    @Override
    public synchronized void onEvent(PacketEvent e) {
        if (!(e.type() == EventType.SENT || e.type() == EventType.RECEIVED) || e.local() == null
                || e.remote() == null || e.local().getAddress() == null || e.remote().getAddress() == null) {
            return;
        }
        boolean sent = e.type() == EventType.SENT;
        InetSocketAddress src = sent ? e.local() : e.remote();
        InetSocketAddress dst = sent ? e.remote() : e.local();
        if ((src.getAddress() instanceof Inet4Address) != (dst.getAddress() instanceof Inet4Address)) {
            return;
        }
        byte[] frame = IpUdpFrame.build(src, dst, e.payloadNoCopy(), ipId++);
        long micros = e.at().getEpochSecond() * 1_000_000L + e.at().getNano() / 1000;
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt((int) (micros / 1_000_000L)).putInt((int) (micros % 1_000_000L)).putInt(frame.length).putInt(frame.length);
        try {
            out.write(rec.array());
            out.write(frame);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
