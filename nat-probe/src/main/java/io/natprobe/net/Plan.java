package io.natprobe.net;

import java.time.Instant;

/**
 * A sans-I/O probe (stuntman's {@code stuncore} habit): it is told the time and asked what to do
 * next, and every answer or timeout comes back as an {@link Outcome}. It never touches a socket or a
 * clock, so the same plan runs on real sockets ({@link PlanRunner} + {@link UdpTransport}) and
 * against a simulated NAT with a fake clock.
 *
 * <p>Order: the driver calls {@link #next} until it gets a {@code WaitUntil} or {@code Done}, then
 * waits and reports each {@link Outcome} through {@link #observe} before calling {@link #next} again.
 */
public interface Plan<R> {

    Action<R> next(Instant now);

    void observe(Outcome outcome);
}
