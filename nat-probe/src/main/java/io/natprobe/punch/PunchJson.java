package io.natprobe.punch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natprobe.log.PacketLineFormat;
import java.net.InetSocketAddress;
import java.util.Locale;

/** The {@code natprobe punch --json} document, schema "natprobe.punch/1" (docs/json-schema.md). */
public final class PunchJson {
    public static final String SCHEMA = "natprobe.punch/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PunchJson() {}

    public static ObjectNode toJson(LinkStatus status, NatHint selfHint, NatHint peerHint, PunchResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("session", status.session() == null ? null : status.session().toString());
        ObjectNode self = n.putObject("self");
        self.put("role", status.role() == null ? null : status.role().name());
        address(self, "local", status.local());
        address(self, "mapped", status.mapped());
        nat(self, selfHint);
        ObjectNode peer = n.putObject("peer");
        peer.put("role", status.role() == null ? null : status.role().other().name());
        address(peer, "mapped", status.peerReflexive());
        address(peer, "seenFrom", status.peerSeenFrom());
        ArrayNode locals = peer.putArray("locals");
        status.peerLocals().forEach(a -> locals.add(PacketLineFormat.address(a)));
        nat(peer, peerHint);
        n.put("result", r.connected() ? "connected" : "failed");
        ArrayNode dirs = n.putArray("directions");
        for (PunchResult.DirectionResult d : r.directions()) {
            ObjectNode x = dirs.addObject();
            x.put("from", d.first());
            x.put("result", d.connected() ? "connected" : "failed");
            x.put("strategy", d.strategy().name().toLowerCase(Locale.ROOT));
            if (d.timeToConnect() == null) {
                x.putNull("timeToConnectMs");
            } else {
                x.put("timeToConnectMs", d.timeToConnect().toMillis());
            }
            x.put("path", d.path());
            address(x, "remote", d.remote());
            x.put("probesSent", d.probesSent());
            if (d.rtt() == null) {
                x.putNull("rttMs");
            } else {
                x.put("rttMs", d.rtt().toNanos() / 1e6);
            }
        }
        ObjectNode diag = n.putObject("diagnosis");
        diag.put("code", r.diagnosis().code());
        diag.put("summary", r.diagnosis().summary());
        ArrayNode details = diag.putArray("details");
        r.diagnosis().details().forEach(details::add);
        ArrayNode advice = diag.putArray("advice");
        r.diagnosis().advice().forEach(advice::add);
        return n;
    }

    private static void nat(ObjectNode n, NatHint h) {
        ObjectNode x = n.putObject("nat");
        NatHint hint = h == null ? NatHint.UNKNOWN : h;
        x.put("mapping", hint.mappingVaries() == null ? "unknown"
                : hint.mappingVaries() ? "endpoint-dependent" : "endpoint-independent");
        x.put("filtering", hint.filtering());
        address(x, "mappedOther", hint.mappedOther());
    }

    private static void address(ObjectNode n, String name, InetSocketAddress a) {
        if (a == null) {
            n.putNull(name);
        } else {
            n.put(name, PacketLineFormat.address(a));
        }
    }
}
