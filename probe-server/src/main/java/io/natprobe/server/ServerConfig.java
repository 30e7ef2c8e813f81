package io.natprobe.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Everything {@code natprobe server} needs to run. {@code budget} null means no per-source limit
 * (benchmarks only). {@code metrics} null means no HTTP endpoint.
 */
public record ServerConfig(List<Family> families, int port, int altPort, HandlerOptions handler,
        RateBudget.Limits budget, InetSocketAddress metrics, boolean logPackets, boolean selfCheck,
        int threadsPerSocket, int receiveBufferBytes) {

    public static final int DEFAULT_PORT = 3478;
    public static final int DEFAULT_ALT_PORT = 3479;
    public static final int DEFAULT_RECEIVE_BUFFER = 4 << 20;

    /**
     * The addresses of one family. {@code alternate} null: single-address mode. The advertised
     * addresses are what clients are told (a cloud host's public 1:1 NAT addresses); null means
     * the bound address itself.
     */
    public record Family(InetAddress primary, InetAddress alternate, InetAddress advertisePrimary,
            InetAddress advertiseAlternate) {
        public Family {
            if (primary == null) {
                throw new IllegalArgumentException("a primary address is required");
            }
            if (primary.isAnyLocalAddress() || (alternate != null && alternate.isAnyLocalAddress())) {
                throw new IllegalArgumentException("bind to a specific address, not " + primary.getHostAddress()
                        + ": replies must leave from the exact address the client sent to");
            }
            if (alternate == null && advertiseAlternate != null) {
                throw new IllegalArgumentException("--advertise-alternate needs --alternate");
            }
            for (InetAddress a : new InetAddress[] {alternate, advertisePrimary, advertiseAlternate}) {
                if (a != null && a.getClass() != primary.getClass()) {
                    throw new IllegalArgumentException("mixed address families for one server address pair: "
                            + primary.getHostAddress() + " and " + a.getHostAddress());
                }
            }
        }

        public boolean ipv6() {
            return primary instanceof Inet6Address;
        }

        public InetAddress advertisedPrimary() {
            return advertisePrimary != null ? advertisePrimary : primary;
        }

        public InetAddress advertisedAlternate() {
            return alternate == null ? null : advertiseAlternate != null ? advertiseAlternate : alternate;
        }

        public AdvertisedAddresses advertised(int port, int altPort) {
            return AdvertisedAddresses.of(advertisedPrimary(), advertisedAlternate(), port, altPort);
        }

        public AdvertisedAddresses bound(int port, int altPort) {
            return AdvertisedAddresses.of(primary, alternate, port, altPort);
        }
    }

    public ServerConfig {
        families = List.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("at least one --primary address is required");
        }
        if (families.size() > 2 || (families.size() == 2 && families.get(0).ipv6() == families.get(1).ipv6())) {
            throw new IllegalArgumentException("give at most one primary address per family (one IPv4, one IPv6)");
        }
        if (threadsPerSocket < 1 || threadsPerSocket > 64) {
            throw new IllegalArgumentException("threads out of range (expected: 1..64): " + threadsPerSocket);
        }
        for (Family f : families) {
            f.advertised(port, altPort); // validates ports and address pairs
        }
    }
}
