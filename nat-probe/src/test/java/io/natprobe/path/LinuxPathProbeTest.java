package io.natprobe.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The libc plumbing on loopback: ICMP errors are read from the error queue with their sender; answers count as reached. */
class LinuxPathProbeTest {

    static final byte[] PAYLOAD = "natprobe path test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aClosedPortAnswersWithPortUnreachableFromItsAddress() throws Exception {
        Assumptions.assumeTrue(LinuxPathProbe.supported(), "needs 64-bit Linux");
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // closed again below: nothing listens there
        }
        List<Hop> hops = new LinuxPathProbe().trace(new InetSocketAddress("127.0.0.1", port), PAYLOAD, 2, Duration.ofSeconds(2));
        assertThat(hops).hasSize(2);
        assertThat(hops).allSatisfy(h -> {
            assertThat(h.kind()).isEqualTo(Hop.Kind.UNREACHABLE);
            assertThat(h.from()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        });
        assertThat(hops).extracting(Hop::ttl).containsExactly(1, 2);
    }

    @Test
    void aServerThatAnswersIsReached() throws Exception {
        Assumptions.assumeTrue(LinuxPathProbe.supported(), "needs 64-bit Linux");
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            Thread echo = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        DatagramPacket p = new DatagramPacket(new byte[256], 256);
                        s.receive(p);
                        s.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                    }
                } catch (java.io.IOException e) {
                    // socket closed at the end of the test
                }
            });
            echo.setDaemon(true);
            echo.start();
            List<Hop> hops = new LinuxPathProbe().trace(new InetSocketAddress("127.0.0.1", s.getLocalPort()), PAYLOAD, 3,
                    Duration.ofSeconds(2));
            assertThat(hops).extracting(Hop::kind).containsOnly(Hop.Kind.REACHED);
        }
    }

    @Test
    void anUnroutableServerIsSilentNotAnError() throws Exception {
        Assumptions.assumeTrue(LinuxPathProbe.supported(), "needs 64-bit Linux");
        // IPv6 is not probed: the answer is an empty path, never an exception.
        assertThat(new LinuxPathProbe().trace(new InetSocketAddress("::1", 9), PAYLOAD, 2, Duration.ofMillis(100))).isEmpty();
    }
}
