package io.natprobe.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A ready-made simulated topology: an STUN server on the "internet" (203.0.113.1 and .2, ports 3478
 * and 3479), a NAT with external address 198.51.100.1, and a host 192.168.1.10 behind it (or, with
 * {@code behaviour == null}, a host directly on the internet at 198.51.100.7).
 */
public final class SimScenario {
    public static final InetAddress PRIMARY_IP = ip("203.0.113.1");
    public static final InetAddress ALT_IP = ip("203.0.113.2");
    public static final InetAddress NAT_IP = ip("198.51.100.1");
    public static final InetAddress HOST_IP = ip("192.168.1.10");
    public static final InetAddress PUBLIC_HOST_IP = ip("198.51.100.7");

    public final FakeClock clock = new FakeClock();
    public final SimNetwork network;
    public final SimStunServer server;
    public final SimNetwork.Realm hostRealm;
    public final SimHost host;

    public SimScenario(NatBehaviour behaviour, SimStunServer.Kind kind, long seed) {
        network = new SimNetwork(clock, seed);
        server = new SimStunServer(network, kind, PRIMARY_IP, ALT_IP, 3478, 3479);
        if (behaviour == null) {
            hostRealm = network.internet();
            host = new SimHost(hostRealm, PUBLIC_HOST_IP);
        } else if (behaviour.mapping() == NatBehaviour.Mapping.NONE) {
            // A firewall that does not translate: the host's own address is the public one.
            hostRealm = network.addNat(network.internet(), PUBLIC_HOST_IP, behaviour, "firewalled");
            host = new SimHost(hostRealm, PUBLIC_HOST_IP);
        } else {
            hostRealm = network.addNat(network.internet(), NAT_IP, behaviour, "lan");
            host = new SimHost(hostRealm, HOST_IP);
        }
    }

    public InetSocketAddress primary() {
        return new InetSocketAddress(PRIMARY_IP, 3478);
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
