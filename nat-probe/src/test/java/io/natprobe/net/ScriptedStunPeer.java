package io.natprobe.net;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A test double for the transaction layer (OkHttp's MockHttp2Peer habit): a STUN peer on loopback that
 * follows a script, one step per received request: ignore it, answer it, or send garbage and then answer.
 * Not a server: it exists to drive retransmission and matching over real sockets.
 */
final class ScriptedStunPeer implements AutoCloseable {

    enum Step { IGNORE, ANSWER, GARBAGE_THEN_ANSWER }

    private final DatagramChannel channel;
    private final BlockingQueue<Step> script;
    private final List<byte[]> received = new ArrayList<>();
    private final Thread thread;

    ScriptedStunPeer(Step... steps) throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        script = new LinkedBlockingQueue<>(List.of(steps));
        thread = new Thread(this::loop, "scripted-stun-peer");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    synchronized int received() {
        return received.size();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        try {
            while (true) {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
                buf.flip();
                byte[] data = new byte[buf.remaining()];
                buf.get(data);
                synchronized (this) {
                    received.add(data);
                }
                Step step = script.poll();
                if (step == null || step == Step.IGNORE) continue;
                StunMessage req = StunCodec.decode(data);
                if (step == Step.GARBAGE_THEN_ANSWER) {
                    channel.send(ByteBuffer.wrap(new byte[] {0x42, 0x42, 0x42}), from);
                }
                StunMessage resp = StunMessage.of(MessageType.BINDING_SUCCESS, req.transactionId(),
                        new Attribute.XorMappedAddress(from));
                channel.send(ByteBuffer.wrap(StunCodec.encode(resp)), from);
            }
        } catch (Exception e) {
            // closed: the test is over
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
