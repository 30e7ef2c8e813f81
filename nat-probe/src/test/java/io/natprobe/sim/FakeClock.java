package io.natprobe.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
public final class FakeClock implements InstantSource {
    private Instant now;

    public FakeClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("cannot go back in time: " + d);
        now = now.plus(d);
    }

    /** Moves to {@code t} if it is later than now. */
    public void advanceTo(Instant t) {
        if (t.isAfter(now)) now = t;
    }
}
