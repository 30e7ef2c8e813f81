package io.natprobe.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.classify.PortPattern.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortPatternTest {

    @Test
    void preserving() {
        var r = PortPattern.of(List.of(new Sample(50000, 50000), new Sample(41234, 41234), new Sample(60001, 60001)), true);
        assertThat(r).isEqualTo(new PortPattern.Result(PortAllocation.PRESERVING, true, null));
    }

    @Test
    void sequentialEvenWhenOtherTrafficWidensAGap() {
        var r = PortPattern.of(List.of(new Sample(1, 40000), new Sample(2, 40002), new Sample(3, 40004),
                new Sample(4, 40010), new Sample(5, 40012)), true);
        assertThat(r).isEqualTo(new PortPattern.Result(PortAllocation.SEQUENTIAL, false, 2));
    }

    @Test
    void randomWhenGapsAreLarge() {
        var r = PortPattern.of(List.of(new Sample(1, 1997), new Sample(2, 40002), new Sample(3, 61000)), true);
        assertThat(r.allocation()).isEqualTo(PortAllocation.RANDOM);
    }

    @Test
    void tooFewSamplesOrNoNat() {
        assertThat(PortPattern.of(List.of(new Sample(1, 2)), true).allocation()).isEqualTo(PortAllocation.NOT_TESTED);
        assertThat(PortPattern.of(List.of(), false).allocation()).isEqualTo(PortAllocation.NOT_TESTED);
        assertThat(PortPattern.of(List.of(new Sample(7, 7)), false)).isEqualTo(new PortPattern.Result(PortAllocation.NONE, true, null));
    }

    @Test
    void sharedAndPrivateRanges() throws Exception {
        assertThat(AddressHints.isShared(java.net.InetAddress.getByName("100.64.0.0"))).isTrue();
        assertThat(AddressHints.isShared(java.net.InetAddress.getByName("100.127.255.255"))).isTrue();
        assertThat(AddressHints.isShared(java.net.InetAddress.getByName("100.128.0.1"))).isFalse();
        assertThat(AddressHints.isPrivate(java.net.InetAddress.getByName("172.31.1.1"))).isTrue();
        assertThat(AddressHints.isPrivate(java.net.InetAddress.getByName("172.32.1.1"))).isFalse();
        assertThat(AddressHints.isPrivate(java.net.InetAddress.getByName("fd00::1"))).isTrue();
    }
}
