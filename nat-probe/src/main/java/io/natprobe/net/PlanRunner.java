package io.natprobe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a {@link Plan} over a {@link Network} with a {@link StunClient}: opens sockets on first use,
 * sends and retransmits, turns datagrams and timeouts into {@link Outcome}s. The same runner works on
 * real sockets and on a simulated network; all waiting happens in {@link Network#receive}.
 */
public final class PlanRunner {

    private final Network network;
    private final InstantSource clock;
    private final StunClient client;
    private final Map<Integer, InetSocketAddress> locals = new HashMap<>();

    public PlanRunner(Network network, InstantSource clock, RetransmissionPolicy policy) {
        this.network = network;
        this.clock = clock;
        this.client = new StunClient(policy);
    }

    public StunClient client() {
        return client;
    }

    /** Local address of each socket the plan used. */
    public Map<Integer, InetSocketAddress> locals() {
        return Map.copyOf(locals);
    }

    public <R> R run(Plan<R> plan) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        while (true) {
            Instant now = clock.instant();
            // Read what has already arrived before declaring any timeout: after a stall (a loaded machine, a
            // GC pause, a slow JVM start) an answer can sit in the socket while its deadline passes, and
            // calling it a timeout would turn a working path into "filtered" (a real risk in the lab: with 13
            // classifications at once on 2 cores, first answers took up to 0.5 s).
            if (client.running() > 0) handle(network.receive(now), now, outcomes);
            for (StunClient.Outgoing o : client.poll(now, outcomes)) {
                handle(network.send(o.socket(), o.to(), o.datagram()), now, outcomes);
            }
            for (Outcome o : outcomes) plan.observe(o);
            outcomes.clear();

            Instant wait;
            while (true) {
                Action<R> a = plan.next(now);
                if (a instanceof Action.Done<R> d) {
                    for (Integer socket : List.copyOf(locals.keySet())) closeSocket(socket);
                    return d.result();
                }
                if (a instanceof Action.WaitUntil<R> w) {
                    wait = w.until();
                    break;
                }
                if (a instanceof Action.Close<R> c) {
                    closeSocket(c.socket());
                    continue;
                }
                Action.Send<R> s = (Action.Send<R>) a;
                InetSocketAddress local = locals.get(s.socket());
                if (local == null) {
                    local = network.open(s.socket(), s.connected() ? s.to() : null);
                    locals.put(s.socket(), local);
                }
                StunClient.Outgoing first = client.start(new Exchange(s.label(), s.socket(), local, s.to(), s.request(), now));
                handle(network.send(first.socket(), first.to(), first.datagram()), now, outcomes);
            }
            for (Outcome o : outcomes) plan.observe(o);
            if (!outcomes.isEmpty()) {
                outcomes.clear();
                continue;
            }
            if (client.running() == 0 && wait.equals(Instant.MAX)) {
                throw new IllegalStateException("plan waits for an outcome but no transaction is running");
            }
            Instant until = client.nextWake().filter(t -> t.isBefore(wait)).orElse(wait);
            if (until.isAfter(now) || client.running() == 0) {
                handle(network.receive(until), clock.instant(), outcomes);
                for (Outcome o : outcomes) plan.observe(o);
                outcomes.clear();
            }
        }
    }

    /** Closes a socket the plan no longer needs (and forgets its transactions). */
    public void closeSocket(int socket) {
        client.cancelSocket(socket);
        network.closeSocket(socket);
        locals.remove(socket);
    }

    private void handle(List<Network.Inbound> inbound, Instant now, List<Outcome> outcomes) {
        for (Network.Inbound in : inbound) {
            if (in instanceof Network.Unreachable u) {
                client.onUnreachable(u.socket());
            } else if (in instanceof Network.Datagram d) {
                client.onDatagram(d.socket(), locals.get(d.socket()), d.from(), d.data(), now).ifPresent(outcomes::add);
            }
        }
    }
}
