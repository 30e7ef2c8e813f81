package io.natprobe.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natprobe.log.PacketLineFormat;
import io.natprobe.punch.LinkStatus;
import io.natprobe.punch.PunchResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * The shell's session summary for the report ({@value #SCHEMA}): server, session, role, the
 * addresses of both sides, and the last `punch` verdict. The packet log goes in its own JSONL file
 * and the classification in its own natprobe.classify/1 file.
 */
final class SessionJson {
    static final String SCHEMA = "natprobe.shell-session/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionJson() {}

    static String write(String server, LinkStatus s, PunchResult punch) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("server", server);
        o.put("session", s == null || s.session() == null ? null : s.session().toString());
        o.put("role", s == null || s.role() == null ? null : s.role().name());
        o.put("state", s == null ? null : s.state());
        o.put("localAddress", address(s == null ? null : s.local()));
        o.put("mappedAddress", address(s == null ? null : s.mapped()));
        o.put("peerAddress", address(s == null ? null : s.peerReflexive()));
        o.put("peerSeenFrom", address(s == null ? null : s.peerSeenFrom()));
        ArrayNode locals = o.putArray("peerLocalAddresses");
        if (s != null) {
            s.peerLocals().forEach(a -> locals.add(address(a)));
        }
        if (punch == null) {
            o.putNull("punch");
        } else {
            ObjectNode p = o.putObject("punch");
            p.put("connected", punch.connected());
            ArrayNode dirs = p.putArray("directions");
            for (PunchResult.DirectionResult d : punch.directions()) {
                ObjectNode n = dirs.addObject();
                n.put("first", d.first());
                n.put("connected", d.connected());
                n.put("strategy", d.strategy() == null ? null : d.strategy().name().toLowerCase(Locale.ROOT));
                n.put("timeToConnectMs", millis(d.timeToConnect()));
                n.put("path", d.path());
                n.put("remote", address(d.remote()));
                n.put("probesSent", d.probesSent());
                n.put("rttMs", millis(d.rtt()));
            }
            if (punch.diagnosis() != null) {
                ObjectNode g = p.putObject("diagnosis");
                g.put("code", punch.diagnosis().code());
                g.put("summary", punch.diagnosis().summary());
                punch.diagnosis().details().forEach(g.putArray("details")::add);
                punch.diagnosis().advice().forEach(g.putArray("advice")::add);
            }
        }
        return MAPPER.writeValueAsString(o);
    }

    private static String address(InetSocketAddress a) {
        return a == null ? null : PacketLineFormat.address(a);
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
