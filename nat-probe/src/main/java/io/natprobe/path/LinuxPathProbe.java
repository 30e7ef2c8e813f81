package io.natprobe.path;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PathProbe} on 64-bit Linux, as tracepath does it without root: an ordinary UDP socket per TTL
 * with {@code IP_TTL} set and {@code IP_RECVERR} on, so the kernel queues the ICMP error a router sends
 * back (time exceeded, unreachable) with the router's address ({@code SO_EE_OFFENDER}, ip(7)). The JDK
 * offers neither option, hence the libc calls. IPv4 only.
 */
final class LinuxPathProbe implements PathProbe {

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int IPPROTO_IP = 0;
    private static final int IP_TTL = 2;
    private static final int IP_RECVERR = 11;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_ERRQUEUE = 0x2000;
    private static final short POLLIN = 0x1;
    private static final short POLLERR = 0x8;
    private static final int SO_EE_ORIGIN_ICMP = 2;
    private static final int ICMP_DEST_UNREACH = 3;
    private static final int ICMP_TIME_EXCEEDED = 11;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int setsockopt(int fd, int level, int name, Pointer value, int length);

        long sendto(int fd, Pointer buffer, long length, int flags, Pointer address, int addressLength);

        long recvmsg(int fd, Pointer message, int flags);

        int poll(Pointer fds, long count, int timeoutMillis);

        int close(int fd);
    }

    private static volatile LibC libc;

    static boolean supported() {
        if (!Platform.isLinux() || !Platform.is64Bit()) return false;
        try {
            if (libc == null) libc = Native.load("c", LibC.class);
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    @Override
    public List<Hop> trace(InetSocketAddress server, byte[] payload, int maxTtl, Duration wait, Runnable sent) {
        if (!(server.getAddress() instanceof Inet4Address) || !supported()) {
            sent.run();
            return List.of();
        }
        LibC c = libc;
        int[] fds = new int[maxTtl];
        java.util.Arrays.fill(fds, -1);
        Hop[] hops = new Hop[maxTtl];
        Memory pollfds = new Memory(8L * maxTtl);
        try {
            Memory data = new Memory(Math.max(1, payload.length));
            data.write(0, payload, 0, payload.length);
            Memory to = sockaddr(server);
            Memory one = new Memory(4);
            one.setInt(0, 1);
            for (int i = 0; i < maxTtl; i++) {
                int fd = c.socket(AF_INET, SOCK_DGRAM, 0);
                fds[i] = fd;
                Memory ttl = new Memory(4);
                ttl.setInt(0, i + 1);
                if (fd < 0 || c.setsockopt(fd, IPPROTO_IP, IP_TTL, ttl, 4) != 0
                        || c.setsockopt(fd, IPPROTO_IP, IP_RECVERR, one, 4) != 0
                        || c.sendto(fd, data, payload.length, 0, to, 16) < 0) {
                    hops[i] = new Hop(i + 1, null, Hop.Kind.SILENT);
                }
                pollfds.setInt(8L * i, hops[i] == null ? fd : -1);
                pollfds.setShort(8L * i + 4, POLLIN);
                pollfds.setShort(8L * i + 6, (short) 0);
            }
            sent.run();
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || java.util.Arrays.stream(hops).allMatch(h -> h != null)) break;
                if (c.poll(pollfds, maxTtl, (int) left) <= 0) continue;
                for (int i = 0; i < maxTtl; i++) {
                    short revents = pollfds.getShort(8L * i + 6);
                    if (hops[i] != null || revents == 0) continue;
                    if ((revents & POLLERR) != 0) {
                        hops[i] = readError(c, fds[i], i + 1);
                    } else if ((revents & POLLIN) != 0) {
                        hops[i] = new Hop(i + 1, server.getAddress(), Hop.Kind.REACHED);
                    }
                    if (hops[i] != null) pollfds.setInt(8L * i, -1);
                    pollfds.setShort(8L * i + 6, (short) 0);
                }
            }
        } catch (RuntimeException | Error e) {
            sent.run(); // never leave a caller waiting for sends that will not happen
            throw e;
        } finally {
            for (int fd : fds) {
                if (fd >= 0) c.close(fd);
            }
        }
        List<Hop> out = new ArrayList<>();
        for (int i = 0; i < maxTtl; i++) out.add(hops[i] != null ? hops[i] : new Hop(i + 1, null, Hop.Kind.SILENT));
        return out;
    }

    /** Reads one queued ICMP error (recvmsg MSG_ERRQUEUE) and names its sender; null if it was not ours to read. */
    private static Hop readError(LibC c, int fd, int ttl) {
        // struct msghdr on LP64: name, namelen(+pad), iov, iovlen, control, controllen, flags(+pad): 56 bytes.
        Memory name = new Memory(16);
        Memory buffer = new Memory(512);
        Memory iov = new Memory(16);
        iov.setPointer(0, buffer);
        iov.setLong(8, 512);
        Memory control = new Memory(512);
        Memory msg = new Memory(56);
        msg.clear();
        msg.setPointer(0, name);
        msg.setInt(8, 16);
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, 512);
        if (c.recvmsg(fd, msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0) return null;
        long controlLength = msg.getLong(40);
        long off = 0;
        while (off + 16 <= controlLength) {
            long len = control.getLong(off);
            int level = control.getInt(off + 8);
            int type = control.getInt(off + 12);
            if (len < 16) break;
            if (level == IPPROTO_IP && type == IP_RECVERR && len >= 16 + 16 + 8) {
                // struct sock_extended_err { u32 errno; u8 origin, type, code, pad; u32 info, data; } + offender
                int origin = control.getByte(off + 20) & 0xff;
                int icmpType = control.getByte(off + 21) & 0xff;
                InetAddress from = null;
                if ((control.getShort(off + 32) & 0xffff) == AF_INET) {
                    try {
                        from = InetAddress.getByAddress(control.getByteArray(off + 36, 4));
                    } catch (UnknownHostException e) {
                        from = null;
                    }
                }
                if (origin != SO_EE_ORIGIN_ICMP) return new Hop(ttl, from, Hop.Kind.UNREACHABLE);
                return new Hop(ttl, from, icmpType == ICMP_TIME_EXCEEDED ? Hop.Kind.TIME_EXCEEDED
                        : icmpType == ICMP_DEST_UNREACH ? Hop.Kind.UNREACHABLE : Hop.Kind.SILENT);
            }
            off += (len + 7) & ~7L;
        }
        return null;
    }

    private static Memory sockaddr(InetSocketAddress a) {
        Memory m = new Memory(16);
        m.clear();
        m.setShort(0, (short) AF_INET); // sa_family in host order
        int port = a.getPort();
        m.setByte(2, (byte) (port >> 8)); // sin_port in network order
        m.setByte(3, (byte) port);
        m.write(4, a.getAddress().getAddress(), 0, 4);
        return m;
    }
}
