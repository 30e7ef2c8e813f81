package io.natprobe.server;

import org.junit.jupiter.api.BeforeAll;

/** Every {@link ServerLoopTest} case against the Netty epoll transport (recvmmsg/sendmmsg). */
class EpollServerLoopTest extends ServerLoopTest {
    @BeforeAll
    static void switchToEpoll() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(EpollServerLoop.available(), "epoll is not available here");
        server.close();
        server = LoopbackServer.start((p, a) -> LoopbackServer.twoAddresses(p, a, null), ProbeServer.Transport.EPOLL);
        addresses = server.config().families().get(0).advertised(server.config().port(), server.config().altPort());
    }
}
