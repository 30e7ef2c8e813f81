package io.natprobe.server;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
final class FakeClock implements InstantSource {
    private long millis = 1_700_000_000_000L;

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    void advance(long ms) {
        millis += ms;
    }
}
