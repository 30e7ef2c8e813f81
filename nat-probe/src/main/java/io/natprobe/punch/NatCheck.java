package io.natprobe.punch;

import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLog;
import io.natprobe.log.TrafficKind;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunMethod;
import io.natprobe.stun.StunParseException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The short NAT check before punching (RFC 5780 against the rendezvous server): the mapping test
 * (§4.3) from the punch socket itself, to the server's primary and then its other address, and the
 * filtering test (§4.4, CHANGE-REQUEST) from a fresh socket, because an answer the router's own stack
 * takes would leave state on the punch socket's public port (NAT-FACTS) and bias the punch.
 * Blocking I/O; runs before the link's I/O thread starts.
 */
final class NatCheck {
    private static final Duration WAIT = Duration.ofMillis(300);
    private static final int TRIES = 2;

    private final DatagramChannel punch;
    private final InetSocketAddress server;
    private final PacketLog log;
    private final Supplier<java.time.Instant> clock;
    InetSocketAddress otherAddress;

    NatCheck(DatagramChannel punch, InetSocketAddress server, PacketLog log, Supplier<java.time.Instant> clock) {
        this.punch = punch;
        this.server = server;
        this.log = log;
        this.clock = clock;
    }

    /** Our mapped address as the primary address sees it, or null when the server did not answer. */
    NatHint run() throws IOException {
        StunMessage first = exchange(punch, server, StunMessage.bindingRequest(), "NAT check: mapping to the primary address");
        if (first == null) {
            return null;
        }
        InetSocketAddress mapped = first.get(Attribute.XorMappedAddress.class).map(Attribute.XorMappedAddress::address)
                .orElse(null);
        otherAddress = first.get(Attribute.OtherAddress.class).map(Attribute.OtherAddress::address).orElse(null);
        if (otherAddress == null || mapped == null) {
            return new NatHint(null, "unknown", mapped, null);
        }
        StunMessage second = exchange(punch, otherAddress, StunMessage.bindingRequest(),
                "NAT check: mapping to the other address");
        InetSocketAddress other = second == null ? null
                : second.get(Attribute.XorMappedAddress.class).map(Attribute.XorMappedAddress::address).orElse(null);
        Boolean otherArrived = null;
        Boolean portArrived = null;
        java.net.InetAddress at = ((InetSocketAddress) punch.getLocalAddress()).getAddress();
        try (DatagramChannel fresh = DatagramChannel.open(at instanceof java.net.Inet6Address
                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET)) {
            fresh.bind(new InetSocketAddress(at, 0));
            if (exchange(fresh, server, StunMessage.bindingRequest(), "NAT check: filtering, fresh socket") != null) {
                otherArrived = exchange(fresh, server, StunMessage.bindingRequest(new Attribute.ChangeRequest(true, true)),
                        "NAT check: answer from the other address and port?") != null;
                if (!otherArrived) {
                    portArrived = exchange(fresh, server, StunMessage.bindingRequest(new Attribute.ChangeRequest(false, true)),
                            "NAT check: answer from the other port?") != null;
                }
            }
        }
        return NatHint.from(mapped, other, otherArrived, portArrived);
    }

    private StunMessage exchange(DatagramChannel ch, InetSocketAddress to, StunMessage request, String why)
            throws IOException {
        byte[] bytes = StunCodec.encodeWithFingerprint(request);
        InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
        ch.configureBlocking(true);
        ch.socket().setSoTimeout((int) WAIT.toMillis());
        ByteBuffer in = ByteBuffer.allocate(2048);
        for (int t = 0; t < TRIES; t++) {
            ch.send(ByteBuffer.wrap(bytes), to);
            log.onEvent(PacketEvent.sent(clock.get(), TrafficKind.STUN, local, to, bytes, "Binding request (" + why + ")"));
            long until = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < until) {
                in.clear();
                InetSocketAddress from;
                try {
                    // DatagramChannel.receive ignores SO_TIMEOUT; the socket adaptor honours it.
                    java.net.DatagramPacket p = new java.net.DatagramPacket(in.array(), in.capacity());
                    ch.socket().receive(p);
                    from = (InetSocketAddress) p.getSocketAddress();
                    in.position(p.getLength());
                } catch (SocketTimeoutException e) {
                    break;
                } catch (java.net.PortUnreachableException e) {
                    continue;
                }
                StunMessage m;
                try {
                    m = StunCodec.decode(in.array(), 0, in.position());
                } catch (StunParseException e) {
                    continue;
                }
                if (m.transactionId().equals(request.transactionId()) && m.method().equals(StunMethod.BINDING)
                        && m.stunClass() == StunClass.SUCCESS_RESPONSE) {
                    log.onEvent(PacketEvent.received(clock.get(), TrafficKind.STUN, local, from,
                            java.util.Arrays.copyOf(in.array(), in.position()), "Binding success response"));
                    return m;
                }
            }
        }
        log.onEvent(PacketEvent.timeout(clock.get(), TrafficKind.STUN, local, to, "no answer (" + why + ")"));
        return null;
    }
}
