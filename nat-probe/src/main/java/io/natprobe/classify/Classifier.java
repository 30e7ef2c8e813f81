package io.natprobe.classify;

import io.natprobe.net.Network;
import io.natprobe.net.PlanRunner;
import io.natprobe.net.RetransmissionPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;

/** Runs one classification over a {@link Network} (real sockets or simulated) and attaches the evidence. */
public final class Classifier {

    private Classifier() {}

    public static NatReport classify(Network network, InstantSource clock, RetransmissionPolicy policy,
                                     List<InetSocketAddress> servers) throws IOException {
        PlanRunner runner = new PlanRunner(network, clock, policy);
        NatReport report = runner.run(new Rfc5780Plan(servers));
        return report.with(runner.client().records(), runner.client().strays(), null);
    }
}
