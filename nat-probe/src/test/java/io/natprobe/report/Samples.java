package io.natprobe.report;

import io.natprobe.classify.ClassicType;
import io.natprobe.classify.FilteringBehaviour;
import io.natprobe.classify.MappingBehaviour;
import io.natprobe.classify.NatReport;
import io.natprobe.classify.PortAllocation;
import io.natprobe.classify.ServerInfo;
import io.natprobe.lifetime.LifetimeBound;
import io.natprobe.lifetime.LifetimeResult;
import io.natprobe.net.TransactionRecord;
import java.util.List;
import java.util.Map;

/** Fixed reports for the golden renderer tests. */
final class Samples {

    private Samples() {}

    static NatReport portRestricted(LifetimeResult lifetime) {
        List<TransactionRecord> tx = List.of(
                new TransactionRecord("mapping-I", "000102030405060708090a0b", 0, "192.168.1.10:50000", "203.0.113.1:3478",
                        1, "answered", 21L, "203.0.113.1:3478", "192.168.1.10:50000", "198.51.100.1:50000"),
                new TransactionRecord("filtering-II", "0c0d0e0f1011121314151617", 1, "192.168.1.10:50001", "203.0.113.1:3478",
                        4, "timeout", null, null, null, null),
                new TransactionRecord("mapping-II", "18191a1b1c1d1e1f20212223", 0, "192.168.1.10:50000", "203.0.113.2:3478",
                        2, "answered", 96L, "203.0.113.2:3478", "192.168.1.10:50000", "198.51.100.1:50000"),
                new TransactionRecord("hairpin-a", "2425262728292a2b2c2d2e2f", 3, "192.168.1.10:50003", "198.51.100.1:50004",
                        1, "received", 3L, "198.51.100.1:50003", "192.168.1.10:50004", null));
        return new NatReport(
                List.of(new ServerInfo("203.0.113.1:3478", ServerInfo.Support.RFC5780, "203.0.113.2:3479", "natprobe 0.1")),
                "192.168.1.10:50000", "198.51.100.1:50000",
                MappingBehaviour.ENDPOINT_INDEPENDENT, FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT, true,
                true, PortAllocation.PRESERVING, null, ClassicType.PORT_RESTRICTED_CONE, false, false, lifetime,
                List.of("Server 203.0.113.9:3478 did not answer."),
                Map.of("mapping", List.of("mapping-I", "mapping-II", "mapping-III"),
                        "filtering", List.of("filtering-II", "filtering-III"),
                        "hairpinning", List.of("hairpin-a", "hairpin-b"),
                        "portAllocation", List.of("mapping-I", "allocation-1")),
                842, tx, 1);
    }

    static LifetimeResult linuxDefaults() {
        return new LifetimeResult(LifetimeBound.between(29, 30), LifetimeBound.between(119, 120), 300,
                List.of(), 123_456, List.of(
                new TransactionRecord("single-exchange probe 30s", "303132333435363738393a3b", 0, "192.168.1.10:50100",
                        "203.0.113.1:3478", 4, "timeout", null, null, null, null)));
    }
}
