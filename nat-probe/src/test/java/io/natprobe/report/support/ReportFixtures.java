package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketEventJson;
import io.natprobe.log.TrafficKind;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A punch attempt between A (10.0.1.10 behind 198.51.100.10) and B (10.0.2.20 behind 198.51.100.20)
 * through the server 203.0.113.1, as both sides' logs show it: discovery, A's early punches stopped at
 * NAT B (one answered by ICMP), B's punches arriving, A's answer arriving, a timeout, a long pause,
 * keepalives. One summary carries markup, to prove the report escapes it.
 */
final class ReportFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
    static final InetSocketAddress A_LOCAL = addr("10.0.1.10", 40000);
    static final InetSocketAddress A_PUBLIC = addr("198.51.100.10", 40000);
    static final InetSocketAddress B_LOCAL = addr("10.0.2.20", 50000);
    static final InetSocketAddress B_PUBLIC = addr("198.51.100.20", 61001);
    static final InetSocketAddress SERVER = addr("203.0.113.1", 3478);
    static final String EVIL = "punch <script>alert('x')</script> & \"q\"";

    private ReportFixtures() {}

    static InetSocketAddress addr(String ip, int port) {
        return PacketEventJson.parseAddress(ip + ":" + port);
    }

    static PacketEvent ev(long ms, EventType type, TrafficKind kind, InetSocketAddress local, InetSocketAddress remote,
                          int length, String summary, byte[] payload) {
        return new PacketEvent(T0.plusMillis(ms), Origin.SELF, type, kind, local, remote, length, summary, payload);
    }

    static byte[] bytes(int tag, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = (byte) (tag + i);
        return b;
    }

    /** A's log. */
    static List<PacketEvent> logA() {
        List<PacketEvent> l = new ArrayList<>();
        l.add(ev(0, EventType.STATE, TrafficKind.OTHER, null, null, 0, "session joined", null));
        l.add(ev(5, EventType.SENT, TrafficKind.STUN, A_LOCAL, SERVER, 20, "Binding request", bytes(1, 20)));
        l.add(ev(35, EventType.RECEIVED, TrafficKind.STUN, A_LOCAL, SERVER, 32, "Binding success: 198.51.100.10:40000", bytes(2, 32)));
        l.add(ev(100, EventType.SENT, TrafficKind.PUNCH, A_LOCAL, B_PUBLIC, 60, "punch #1", bytes(10, 60)));
        l.add(ev(200, EventType.SENT, TrafficKind.PUNCH, A_LOCAL, B_PUBLIC, 60, "punch #2", bytes(11, 60)));
        l.add(ev(230, EventType.ICMP_ERROR, TrafficKind.PUNCH, A_LOCAL, B_PUBLIC, 0, "port unreachable", null));
        l.add(ev(300, EventType.SENT, TrafficKind.PUNCH, A_LOCAL, B_PUBLIC, 60, EVIL, bytes(12, 60)));
        l.add(ev(460, EventType.RECEIVED, TrafficKind.PUNCH, A_LOCAL, B_PUBLIC, 60, "punch #1 from B", bytes(20, 60)));
        l.add(ev(470, EventType.SENT, TrafficKind.PUNCH, A_LOCAL, B_PUBLIC, 60, "punch ack", bytes(30, 60)));
        l.add(ev(520, EventType.STATE, TrafficKind.OTHER, null, null, 0, "connected", null));
        l.add(ev(5520, EventType.SENT, TrafficKind.KEEPALIVE, A_LOCAL, B_PUBLIC, 4, "keepalive", bytes(40, 4)));
        l.add(ev(5600, EventType.TIMEOUT, TrafficKind.KEEPALIVE, A_LOCAL, B_PUBLIC, 0, "no keepalive answer after 80 ms", null));
        return l;
    }

    /** B's log. */
    static List<PacketEvent> logB() {
        List<PacketEvent> l = new ArrayList<>();
        l.add(ev(10, EventType.SENT, TrafficKind.STUN, B_LOCAL, SERVER, 20, "Binding request", bytes(3, 20)));
        l.add(ev(40, EventType.RECEIVED, TrafficKind.STUN, B_LOCAL, SERVER, 32, "Binding success: 198.51.100.20:61001", bytes(4, 32)));
        l.add(ev(430, EventType.SENT, TrafficKind.PUNCH, B_LOCAL, A_PUBLIC, 60, "punch #1 from B", bytes(20, 60)));
        l.add(ev(500, EventType.RECEIVED, TrafficKind.PUNCH, B_LOCAL, A_PUBLIC, 60, "punch ack", bytes(30, 60)));
        l.add(ev(5530, EventType.RECEIVED, TrafficKind.KEEPALIVE, B_LOCAL, A_PUBLIC, 4, "keepalive", bytes(40, 4)));
        return l;
    }

    static JsonNode classification(String local, String mapped, String mapping, String filtering) throws Exception {
        return JSON.readTree("""
                {"schema":"natprobe.classify/1",
                 "servers":[{"address":"203.0.113.1:3478","support":"rfc5780","otherAddress":"203.0.113.2:3479","software":null}],
                 "localAddress":"%s","mappedAddress":"%s","mapping":"%s","filtering":"%s","hairpinning":false,
                 "portPreservation":true,"portAllocation":"preserving","portDelta":null,"classicType":"port-restricted-cone",
                 "cgnatSuspected":false,"doubleNatSuspected":false,
                 "bindingLifetime":{"singleExchange":{"seconds":30,"lowerBound":28,"upperBound":30},"sustained":null,
                                    "maxSeconds":60,"meetsRfc4787":false,"keepaliveSeconds":22},
                 "warnings":["a <b>warning</b>"],
                 "evidence":{"mapping":["mapping-I","mapping-II"],"filtering":["filtering-II"],"hairpinning":null,"portAllocation":null},
                 "durationMs":80,"strays":0,
                 "transactions":[{"label":"mapping-I","transactionId":"00","socket":0,"local":"%s","to":"203.0.113.1:3478",
                   "sends":1,"outcome":"answered","rttMs":30,"from":"203.0.113.1:3478","receivedOn":"%s","mappedAddress":"%s"}]}
                """.formatted(local, mapped, mapping, filtering, local, local, mapped));
    }

    static ReportInputs both() throws Exception {
        return ReportInputs.builder()
                .classification(Side.A, classification("10.0.1.10:40000", "198.51.100.10:40000", "endpoint-independent",
                        "address-and-port-dependent"))
                .classification(Side.B, classification("10.0.2.20:50000", "198.51.100.20:61001", "endpoint-independent",
                        "address-and-port-dependent"))
                .events(Side.A, logA())
                .events(Side.B, logB())
                .source("fixture")
                .build();
    }
}
