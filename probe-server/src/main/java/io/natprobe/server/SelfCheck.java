package io.natprobe.server;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Startup check: for every socket, send a Binding request to the address the server will advertise
 * for it and confirm that the answer comes back from that very address and names it in
 * RESPONSE-ORIGIN. This catches the usual cloud mistakes (an advertised address that is not this
 * host's 1:1 NAT address, primary and alternate swapped, a closed firewall port) before clients
 * get wrong classifications.
 */
public final class SelfCheck {
    private final int timeoutMillis;
    private final int attempts;

    public SelfCheck(int timeoutMillis, int attempts) {
        this.timeoutMillis = timeoutMillis;
        this.attempts = attempts;
    }

    /** The problems found, each a sentence that says what to fix; empty when all is well. */
    public List<String> run(ServerConfig config) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ServerConfig.Family family : config.families()) {
            AdvertisedAddresses advertised = family.advertised(config.port(), config.altPort());
            AdvertisedAddresses bound = family.bound(config.port(), config.altPort());
            for (SocketRole role : advertised.roles()) {
                String problem = check(role, advertised, bound);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private String check(SocketRole role, AdvertisedAddresses advertised, AdvertisedAddresses bound) throws IOException {
        InetSocketAddress target = advertised.get(role);
        InetSocketAddress local = bound.get(role);
        String flag = role.alternateAddress() ? "--advertise-alternate" : "--advertise-primary";
        boolean natted = !target.getAddress().equals(local.getAddress());
        StunMessage request = StunMessage.bindingRequest();
        byte[] bytes = StunCodec.encodeWithFingerprint(request);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
            socket.setSoTimeout(timeoutMillis);
            byte[] buf = new byte[2048];
            for (int i = 0; i < attempts; i++) {
                socket.send(new DatagramPacket(bytes, bytes.length, target));
                long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
                while (System.nanoTime() < deadline) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    StunMessage reply;
                    try {
                        reply = StunCodec.decode(buf, 0, p.getLength());
                    } catch (StunParseException e) {
                        continue;
                    }
                    if (!reply.transactionId().equals(request.transactionId())
                            || reply.stunClass() != StunClass.SUCCESS_RESPONSE) {
                        continue;
                    }
                    return verdict(role, target, local, flag, (InetSocketAddress) p.getSocketAddress(), reply, advertised);
                }
            }
        }
        return "socket " + role + " (listening on " + hostPort(local) + ") did not answer a test request sent to"
                + " the address it will advertise, " + hostPort(target) + ". "
                + (natted ? "Check that " + flag + " " + target.getAddress().getHostAddress()
                        + " is the public address your provider maps 1:1 to " + local.getAddress().getHostAddress()
                        + ", and that the firewall or security group allows UDP port " + target.getPort() + " inbound. "
                        + "If this host cannot reach its own public address (no hairpinning), start with --no-self-check."
                        : "Check that no firewall on this host drops UDP port " + target.getPort() + ".");
    }

    private static String verdict(SocketRole role, InetSocketAddress target, InetSocketAddress local, String flag,
            InetSocketAddress from, StunMessage reply, AdvertisedAddresses advertised) {
        InetSocketAddress origin = reply.get(Attribute.ResponseOrigin.class).map(Attribute.ResponseOrigin::address)
                .orElse(null);
        if (origin != null && !origin.equals(target)) {
            String arrivedAt = "another socket";
            for (SocketRole r : advertised.roles()) {
                if (advertised.get(r).equals(origin)) {
                    arrivedAt = "socket " + r;
                }
            }
            return "a test request sent to " + hostPort(target) + " (advertised for socket " + role + ") arrived at "
                    + arrivedAt + ", which advertises " + hostPort(origin) + ". --advertise-primary and"
                    + " --advertise-alternate look swapped, or " + flag + " names the wrong address.";
        }
        if (!from.equals(target) || origin == null) {
            return "a test request sent to " + hostPort(target) + " (advertised for socket " + role + ") was answered"
                    + " from " + hostPort(from) + (origin == null ? " by a server that is not this one" : "")
                    + ". " + flag + " must be the address that reaches this host's " + local.getAddress().getHostAddress()
                    + " and that its replies appear to come from.";
        }
        return null;
    }

    private static String hostPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }
}
