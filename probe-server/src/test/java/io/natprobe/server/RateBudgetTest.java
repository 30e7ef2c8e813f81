package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
    final FakeClock clock = new FakeClock();
    final RateBudget budget = new RateBudget(new RateBudget.Limits(10, 20, 2, 4), clock, 1 << 16, new Random(1));
    final InetAddress a = BindingHandlerTest.ip("198.51.100.1");

    static InetAddress v4(int i) {
        return BindingHandlerTest.ip(((i >>> 24) & 0xFF | 1) + "." + ((i >>> 16) & 0xFF) + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF));
    }

    int allowedOf(InetAddress source, boolean expensive, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            if (budget.allow(source, expensive)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aBurstIsAllowedThenRefusedUntilTokensRefill() {
        assertThat(allowedOf(a, false, 100)).isEqualTo(20);
        clock.advance(100); // 10/s: one token per 100 ms
        assertThat(allowedOf(a, false, 100)).isEqualTo(1);
        clock.advance(1000);
        assertThat(allowedOf(a, false, 100)).isEqualTo(10);
    }

    @Test
    void refusalEndsByItselfNoPenaltyBox() {
        allowedOf(a, false, 10_000); // a flood
        clock.advance(2000);
        assertThat(allowedOf(a, false, 100)).isEqualTo(20); // full burst again, the flood left no trace
    }

    @Test
    void expensiveRepliesHaveTheirOwnTighterBudgetAndCountTowardsTheMain() {
        assertThat(allowedOf(a, true, 100)).isEqualTo(4);
        assertThat(allowedOf(a, false, 100)).isEqualTo(16);
        clock.advance(500); // 1 expensive token, 5 ordinary
        assertThat(allowedOf(a, true, 100)).isEqualTo(1);
    }

    @Test
    void sourcesAreIndependent() {
        allowedOf(a, false, 1000);
        assertThat(budget.allow(BindingHandlerTest.ip("198.51.100.2"), false)).isTrue();
        assertThat(budget.allow(BindingHandlerTest.ip("2001:db8::1"), false)).isTrue();
    }

    @Test
    void oneHundredThousandSourcesAllServedInFixedMemory() {
        int slots = budget.slots();
        for (int i = 0; i < 100_000; i++) {
            assertThat(budget.allow(v4(i * 7919), false)).as("source %d", i).isTrue();
        }
        assertThat(budget.slots()).isEqualTo(slots).isEqualTo(1 << 16);
    }

    @Test
    void floodersDoNotStarveInnocentSourcesThatShareABucket() {
        // 2,000 flooding addresses empty their buckets (about 6 % of the table); fresh addresses
        // still get answers because a refusal needs both of their buckets to be empty.
        for (int f = 0; f < 2000; f++) {
            allowedOf(v4(0x0A000000 + f), false, 50);
        }
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            if (!budget.allow(v4(0x40000000 + i), false)) {
                refused++;
            }
        }
        // With one bucket per address about 600 of these would be refused; with two, a handful.
        assertThat(refused).isLessThan(60);
    }

    @Test
    void tableSizeMustBeAPowerOfTwo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new RateBudget(RateBudget.Limits.DEFAULT, clock, 1000, new Random(1)))
                .hasMessageContaining("power of two");
    }
}
