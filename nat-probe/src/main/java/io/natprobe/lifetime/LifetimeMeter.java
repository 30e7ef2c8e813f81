package io.natprobe.lifetime;

import io.natprobe.net.Network;
import io.natprobe.net.PlanRunner;
import io.natprobe.net.RetransmissionPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.function.Consumer;

/** Runs a {@link LifetimePlan} over a {@link Network} and attaches the evidence. */
public final class LifetimeMeter {

    private LifetimeMeter() {}

    public static LifetimeResult measure(Network network, InstantSource clock, RetransmissionPolicy policy,
                                         InetSocketAddress server, int maxSeconds, int stepSeconds,
                                         Consumer<LifetimeProgress> progress) throws IOException {
        PlanRunner runner = new PlanRunner(network, clock, policy);
        LifetimeResult r = runner.run(new LifetimePlan(server, maxSeconds, stepSeconds, progress));
        return r.withTransactions(runner.client().records());
    }
}
