package io.natprobe.server.rendezvous;

import java.security.SecureRandom;
import java.time.Duration;

/** The rendezvous service as `natprobe server` runs it: a fresh random secret per start, default limits. */
public final class RendezvousDefaults {
    private RendezvousDefaults() {}

    public static RendezvousService service() {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new RendezvousService(new CodeIssuer(secret, Duration.ofMinutes(10), random), RendezvousLimits.DEFAULT);
    }
}
