package io.natprobe.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The same I/O edge as {@link ServerLoop}, on Netty's native epoll transport: recvmmsg fills a batch
 * of datagrams per system call, and the replies of one batch leave with one sendmmsg (flushed when
 * the batch is done). Linux only; {@code --transport epoll}.
 */
final class EpollServerLoop implements AutoCloseable {
    /** Largest datagram read; larger ones arrive truncated and are dropped as not-stun. */
    static final int MAX_DATAGRAM = 2048;

    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    private final ServerMetrics metrics;
    private final PacketLog log;
    private volatile boolean running = true;
    private int smallestReceiveBuffer = Integer.MAX_VALUE;

    private EpollServerLoop(EventLoopGroup group, ServerMetrics metrics, PacketLog log) {
        this.group = group;
        this.metrics = metrics;
        this.log = log;
    }

    static boolean available() {
        return Epoll.isAvailable();
    }

    static EpollServerLoop start(ServerConfig config, ReplyBudget budget, ServerMetrics metrics, PacketLog log,
            OtherMethodHandler otherMethods) throws IOException {
        if (!Epoll.isAvailable()) {
            throw new IOException("the epoll transport is not available here: " + Epoll.unavailabilityCause());
        }
        int sockets = 0;
        for (ServerConfig.Family f : config.families()) {
            sockets += (f.alternate() == null ? 1 : 4) * config.threadsPerSocket();
        }
        EpollServerLoop loop = new EpollServerLoop(
                new MultiThreadIoEventLoopGroup(sockets, EpollIoHandler.newFactory()), metrics, log);
        try {
            for (ServerConfig.Family family : config.families()) {
                int f = family.ipv6() ? 1 : 0;
                AdvertisedAddresses bound = family.bound(config.port(), config.altPort());
                BindingHandler handler = new BindingHandler(family.advertised(config.port(), config.altPort()),
                        config.handler(), otherMethods);
                Map<SocketRole, Channel> first = new EnumMap<>(SocketRole.class);
                for (SocketRole role : bound.roles()) {
                    for (int t = 0; t < config.threadsPerSocket(); t++) {
                        InetSocketAddress at = bound.get(role);
                        Bootstrap b = new Bootstrap().group(loop.group).channel(EpollDatagramChannel.class)
                                .option(ChannelOption.SO_RCVBUF, config.receiveBufferBytes())
                                .option(EpollChannelOption.SO_REUSEPORT, config.threadsPerSocket() > 1)
                                .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * 64))
                                .handler(loop.new Handler(f, role, handler, first, budget));
                        Channel ch;
                        try {
                            ch = b.bind(at).sync().channel();
                        } catch (Exception e) {
                            throw new IOException("cannot listen on " + at.getAddress().getHostAddress() + " port "
                                    + at.getPort() + " (socket " + role + "): " + e.getMessage()
                                    + ". Is the address configured on this host and the port free?", e);
                        }
                        loop.channels.add(ch);
                        // Linux reports twice the size it grants (bookkeeping overhead): halve it back.
                        loop.smallestReceiveBuffer = Math.min(loop.smallestReceiveBuffer,
                                ch.config().getOption(ChannelOption.SO_RCVBUF) / 2);
                        first.putIfAbsent(role, ch);
                    }
                }
            }
            return loop;
        } catch (IOException | RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    boolean running() {
        return running;
    }

    int smallestReceiveBuffer() {
        return smallestReceiveBuffer;
    }

    /** One per channel: runs on that channel's event loop thread only. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private final int family;
        private final SocketRole role;
        private final BindingHandler handler;
        private final Map<SocketRole, Channel> sockets;
        private final ReplyBudget budget;
        private final byte[] buf = new byte[MAX_DATAGRAM];
        private final String familyName;

        Handler(int family, SocketRole role, BindingHandler handler, Map<SocketRole, Channel> sockets, ReplyBudget budget) {
            this.family = family;
            this.role = role;
            this.handler = handler;
            this.sockets = sockets;
            this.budget = budget;
            this.familyName = ServerMetrics.FAMILIES[family];
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof DatagramPacket packet)) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            InetSocketAddress source = packet.sender();
            int len;
            try {
                ByteBuf content = packet.content();
                len = Math.min(content.readableBytes(), buf.length);
                content.getBytes(content.readerIndex(), buf, 0, len);
            } finally {
                packet.release();
            }
            metrics.received(family, role);
            Outcome outcome;
            try {
                outcome = handler.handle(buf, 0, len, source, role, budget);
            } catch (RuntimeException e) {
                outcome = new Outcome.Drop(DropReason.INTERNAL_ERROR);
            }
            if (outcome instanceof Outcome.Reply r) {
                send(ctx, r, source, len);
            } else if (outcome instanceof Outcome.Replies many) {
                for (Outcome.Reply r : many.replies()) {
                    send(ctx, r, source, len);
                }
            } else if (outcome instanceof Outcome.Drop d) {
                metrics.dropped(family, role, d.reason());
                if (log.enabled()) {
                    log.log(familyName, role, source, len, "drop " + d.reason().label());
                }
            }
        }

        private void send(ChannelHandlerContext ctx, Outcome.Reply r, InetSocketAddress source, int len) {
            DatagramPacket reply = new DatagramPacket(ctx.alloc().directBuffer(r.bytes().length).writeBytes(r.bytes()),
                    r.to());
            if (r.from() == role) {
                ctx.write(reply, ctx.voidPromise()); // flushed with the batch in channelReadComplete
            } else {
                sockets.get(r.from()).writeAndFlush(reply, sockets.get(r.from()).voidPromise());
            }
            metrics.replied(family, r.from(), r.kind());
            if (log.enabled()) {
                log.log(familyName, role, source, len, "reply " + r.kind().label() + " from " + r.from() + " to "
                        + r.to().getAddress().getHostAddress() + ":" + r.to().getPort() + " (" + r.bytes().length
                        + " bytes)");
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A send error (e.g. an ICMP report) must not close the socket.
            metrics.dropped(family, role, DropReason.SEND_FAILED);
        }
    }

    @Override
    public void close() {
        running = false;
        for (Channel ch : channels) {
            ch.close().awaitUninterruptibly(2000);
        }
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly(5000);
    }
}
