package io.natprobe.punch;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The punch sockets of one link, all registered with one selector (attachment: the socket number):
 * the main socket (0; rendezvous and punching), its connected twin toward the peer's public address
 * (same port, SO_REUSEPORT; Linux reports ICMP port-unreachable only on a connected socket), and the
 * birthday technique's extra sockets 1..n. Used by the I/O thread only.
 */
final class PunchSockets {
    private final Selector selector;
    private final DatagramChannel main;
    private final Map<Integer, DatagramChannel> extra = new HashMap<>();
    private DatagramChannel toPeer;
    private InetSocketAddress toPeerAddress;

    PunchSockets(Selector selector, DatagramChannel main) {
        this.selector = selector;
        this.main = main;
    }

    static DatagramChannel open(InetAddress like) throws IOException {
        return DatagramChannel.open(like instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    }

    DatagramChannel main() {
        return main;
    }

    InetSocketAddress peer() {
        return toPeerAddress;
    }

    /** Replaces the connected twin (null: none). Returns why it could not be opened, or null. */
    String connectToPeer(InetSocketAddress peer) {
        if (toPeer != null) {
            close(toPeer);
            toPeer = null;
            toPeerAddress = null;
        }
        if (peer == null) {
            return null;
        }
        try {
            DatagramChannel ch = open(peer.getAddress());
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            ch.bind(main.getLocalAddress());
            ch.connect(peer);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, 0);
            toPeer = ch;
            toPeerAddress = peer;
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot open a connected socket toward the peer (" + e.getMessage() + "): ICMP errors will not be seen";
        }
    }

    /** The channel that sends from socket {@code socket} to {@code to}, or null when that socket is gone. */
    DatagramChannel channelFor(int socket, InetSocketAddress to) {
        if (socket == 0) {
            return to.equals(toPeerAddress) && toPeer != null ? toPeer : main;
        }
        return extra.get(socket);
    }

    boolean connected(DatagramChannel ch) {
        return ch == toPeer;
    }

    /** Opens sockets 1..count on fresh ports of the main socket's address; returns a problem or null. */
    String openExtra(int count) {
        for (int i = 1; i <= count; i++) {
            if (extra.containsKey(i)) {
                continue;
            }
            try {
                InetAddress at = ((InetSocketAddress) main.getLocalAddress()).getAddress();
                DatagramChannel ch = open(at);
                ch.bind(new InetSocketAddress(at, 0));
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, i);
                extra.put(i, ch);
            } catch (IOException e) {
                return "could open only " + (i - 1) + " extra sockets: " + e.getMessage();
            }
        }
        return null;
    }

    void closeExtra(int keep) {
        for (Map.Entry<Integer, DatagramChannel> e : new ArrayList<>(extra.entrySet())) {
            if (e.getKey() != keep) {
                close(e.getValue());
                extra.remove(e.getKey());
            }
        }
    }

    void closeAll() {
        closeExtra(0);
        if (toPeer != null) {
            close(toPeer);
        }
        close(main);
    }

    private static void close(DatagramChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing queued on a UDP socket is lost by closing it
        }
    }
}
