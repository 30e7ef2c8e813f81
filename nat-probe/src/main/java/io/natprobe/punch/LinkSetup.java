package io.natprobe.punch;

import io.natprobe.log.PacketEvent;
import io.natprobe.log.TrafficKind;
import io.natprobe.rendezvous.RendezvousCodec;
import io.natprobe.rendezvous.RendezvousMessage;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The blocking steps of {@link UdpPeerLink} before its I/O thread starts. */
final class LinkSetup {
    private LinkSetup() {}

    /** CREATE before the I/O thread runs: send, wait, retransmit (300, 600, 1200 ms...); null when nobody answered. */
    static RendezvousMessage create(DatagramChannel main, InetSocketAddress server, TransactionId id, byte[] request,
                                    java.util.function.Consumer<PacketEvent> event, java.util.function.Supplier<Instant> clock,
                                    Runnable answered) throws PunchException {
        try {
            main.configureBlocking(true);
            main.socket().setSoTimeout(300);
            InetSocketAddress local = (InetSocketAddress) main.getLocalAddress();
            byte[] buf = new byte[2048];
            for (int t = 0; t < 6; t++) {
                main.send(ByteBuffer.wrap(request), server);
                event.accept(PacketEvent.sent(clock.get(), TrafficKind.RENDEZVOUS, local, server, request, "CREATE request"));
                long until = System.nanoTime() + 300_000_000L * (1L << Math.min(t, 2));
                while (System.nanoTime() < until) {
                    java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                    try {
                        main.socket().receive(p);
                    } catch (java.net.SocketTimeoutException e) {
                        continue;
                    } catch (PortUnreachableException e) {
                        continue;
                    }
                    if (!server.equals(p.getSocketAddress())) {
                        continue;
                    }
                    try {
                        StunMessage m = StunCodec.decode(buf, 0, p.getLength());
                        if (m.transactionId().equals(id)) {
                            answered.run();
                            event.accept(PacketEvent.received(clock.get(), TrafficKind.RENDEZVOUS, local, server,
                                    java.util.Arrays.copyOf(buf, p.getLength()), "CREATE " + m.stunClass()));
                            return RendezvousCodec.decode(m);
                        }
                    } catch (StunParseException e) {
                        // not ours
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new PunchException("cannot reach the rendezvous server: " + e.getMessage(), e);
        }
    }

    /** The addresses to report as LOCAL-ADDRESS: the bound one, or every up IPv4 interface address. */
    static List<InetSocketAddress> localAddresses(DatagramChannel main) {
        List<InetSocketAddress> out = new ArrayList<>();
        try {
            InetSocketAddress bound = (InetSocketAddress) main.getLocalAddress();
            if (!bound.getAddress().isAnyLocalAddress()) {
                out.add(bound);
                return out;
            }
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && out.size() < RendezvousCodec.MAX_LOCAL_ADDRESSES) {
                        out.add(new InetSocketAddress(a, bound.getPort()));
                    }
                }
            }
        } catch (IOException e) {
            // no local candidates: same-LAN peers then meet through their public addresses
        }
        return out;
    }

}
