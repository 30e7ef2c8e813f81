package io.natprobe.server.rendezvous;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the rendezvous service, exported as metrics. */
public final class RendezvousStats {
    public final LongAdder created = new LongAdder();
    public final LongAdder busy = new LongAdder();
    public final LongAdder registered = new LongAdder();
    public final LongAdder refreshed = new LongAdder();
    public final LongAdder authFailures = new LongAdder();
    public final LongAdder thirdPeerRefused = new LongAdder();
    public final LongAdder replaysRefused = new LongAdder();
    public final LongAdder relayed = new LongAdder();
    public final LongAdder outboxDropped = new LongAdder();
    public final LongAdder left = new LongAdder();
    public final LongAdder expired = new LongAdder();
    public final LongAdder malformed = new LongAdder();
}
