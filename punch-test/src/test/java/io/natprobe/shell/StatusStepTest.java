package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.punch.LinkStatus;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How `status` explains where the peer's probes really came from. */
class StatusStepTest {
    static final InetSocketAddress TOLD = new InetSocketAddress("203.0.113.11", 40000);
    static final InetSocketAddress LOCAL = new InetSocketAddress("10.0.2.2", 40000);

    static LinkStatus seen(InetSocketAddress from) {
        return new LinkStatus("CONNECTED", null, null, null, null, TOLD, List.of(LOCAL), from, null, null, null);
    }

    @Test
    void samePlaceSaysNothing() {
        assertThat(StatusStep.seenFromNote(seen(TOLD))).isEmpty();
    }

    @Test
    void anotherPortOfTheSameAddressIsTheNatsNewMapping() {
        assertThat(StatusStep.seenFromNote(seen(new InetSocketAddress("203.0.113.11", 40001))))
                .contains("the peer's NAT used another public port toward us");
    }

    @Test
    void thePeersLocalAddressIsTheSameNetworkPath() {
        assertThat(StatusStep.seenFromNote(seen(LOCAL))).contains("the peer's local address");
    }

    @Test
    void anyOtherAddressIsJustNamed() {
        assertThat(StatusStep.seenFromNote(seen(new InetSocketAddress("198.51.100.7", 1)))).isEqualTo(" (not the address the server saw)");
    }
}
