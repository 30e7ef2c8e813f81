package io.natprobe.sim;

import io.natprobe.net.Network;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A host in a realm of the simulated network, as a {@link Network} for a {@code PlanRunner}: sockets
 * get ephemeral ports from 50000 up; {@link #receive} runs the simulation (moving the fake clock) until
 * something arrives for one of our sockets or the deadline passes. ICMP is not simulated.
 */
public final class SimHost implements Network {

    private final SimNetwork.Realm realm;
    private final InetAddress ip;
    private final Map<Integer, InetSocketAddress> sockets = new HashMap<>();
    private final Map<Integer, InetSocketAddress> peers = new HashMap<>();
    private final List<Inbound> inbox = new ArrayList<>();
    private int nextPort;

    public SimHost(SimNetwork.Realm realm, InetAddress ip, int firstPort) {
        this.realm = realm;
        this.ip = ip;
        this.nextPort = firstPort;
    }

    public SimHost(SimNetwork.Realm realm, InetAddress ip) {
        this(realm, ip, 50_000);
    }

    @Override
    public InetSocketAddress open(int socket, InetSocketAddress peer) {
        if (sockets.containsKey(socket)) throw new IllegalStateException("socket already open: " + socket);
        InetSocketAddress local;
        do {
            local = new InetSocketAddress(ip, nextPort++);
        } while (realm.network().isBound(realm, local));
        sockets.put(socket, local);
        if (peer != null) peers.put(socket, peer);
        realm.network().bind(realm, local, p -> {
            InetSocketAddress connected = peers.get(socket);
            if (connected == null || connected.equals(p.from())) inbox.add(new Datagram(socket, p.from(), p.data()));
        });
        return local;
    }

    @Override
    public List<Inbound> send(int socket, InetSocketAddress to, byte[] datagram) {
        InetSocketAddress local = sockets.get(socket);
        if (local == null) throw new IllegalStateException("socket not open: " + socket);
        realm.network().send(realm, new Packet(local, to, datagram));
        return List.of();
    }

    @Override
    public List<Inbound> receive(Instant until) {
        SimNetwork net = realm.network();
        while (inbox.isEmpty() && net.step(until)) {
            // keep delivering until something is for us
        }
        if (inbox.isEmpty()) net.clock().advanceTo(until);
        List<Inbound> out = List.copyOf(inbox);
        inbox.clear();
        return out;
    }

    @Override
    public void closeSocket(int socket) {
        InetSocketAddress local = sockets.remove(socket);
        peers.remove(socket);
        if (local != null) realm.network().unbind(realm, local);
    }

    @Override
    public void close() {
        for (Integer s : List.copyOf(sockets.keySet())) closeSocket(s);
    }
}
