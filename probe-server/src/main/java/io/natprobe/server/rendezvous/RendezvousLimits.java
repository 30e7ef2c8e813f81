package io.natprobe.server.rendezvous;

import java.time.Duration;

/**
 * Bounds of the rendezvous state (docs/protocol.md, "Bounds").
 *
 * @param maxSessions     live sessions at most; past it new sessions are refused with 508
 * @param idleTimeout     a session with no authenticated message for this long is removed
 * @param maxAge          a session is removed this long after it was created, whatever happens
 * @param outboxMessages  undelivered control messages kept per peer (oldest dropped first)
 * @param outboxBytes     undelivered control bytes kept per peer
 */
public record RendezvousLimits(int maxSessions, Duration idleTimeout, Duration maxAge, int outboxMessages,
                               int outboxBytes) {
    public static final RendezvousLimits DEFAULT =
            new RendezvousLimits(4096, Duration.ofMinutes(10), Duration.ofHours(2), 64, 32 * 1024);

    public RendezvousLimits {
        if (maxSessions < 1 || outboxMessages < 1 || outboxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
