package io.natprobe.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathHintsTest {

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static Hop router(int ttl, String ip) {
        return new Hop(ttl, ip(ip), Hop.Kind.TIME_EXCEEDED);
    }

    @Test
    void aCarrierHopInSharedSpaceMeansCgnat() {
        PathHints h = PathHints.of(List.of(router(1, "10.0.13.1"), router(2, "100.64.13.1"),
                new Hop(3, ip("203.0.113.1"), Hop.Kind.REACHED)));
        assertThat(h.cgnat()).isTrue();
        assertThat(h.doubleNat()).isFalse();
        assertThat(h.warnings()).singleElement().asString().contains("100.64.13.1").contains("2 hops away").contains("CGNAT");
    }

    @Test
    void aPrivateSecondHopMeansDoubleNat() {
        PathHints h = PathHints.of(List.of(router(1, "192.168.1.1"), router(2, "192.168.0.1"), router(3, "198.51.100.1")));
        assertThat(h.doubleNat()).isTrue();
        assertThat(h.cgnat()).isFalse();
        assertThat(h.warnings()).singleElement().asString().contains("192.168.0.1").contains("double NAT");
    }

    @Test
    void anOrdinaryHomeRouterGivesNoHint() {
        // Hop 1 private is normal; a private hop 3 is common inside providers' networks.
        PathHints h = PathHints.of(List.of(router(1, "192.168.1.1"), router(2, "198.51.100.1"), router(3, "10.20.30.40")));
        assertThat(h).isEqualTo(new PathHints(false, false, List.of()));
    }

    @Test
    void silenceAndTheServerItselfGiveNoHint() {
        PathHints h = PathHints.of(List.of(new Hop(1, null, Hop.Kind.SILENT), new Hop(2, ip("100.64.0.1"), Hop.Kind.REACHED)));
        assertThat(h.cgnat()).isFalse();
        assertThat(PathHints.of(List.of()).warnings()).isEmpty();
    }

    @Test
    void theCarrierSpaceAtHopOneIsTheLocalNetworkNotAHint() {
        assertThat(PathHints.of(List.of(router(1, "100.64.0.1"))).cgnat()).isFalse();
    }
}
