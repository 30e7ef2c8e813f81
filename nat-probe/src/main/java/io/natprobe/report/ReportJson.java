package io.natprobe.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natprobe.classify.NatReport;
import io.natprobe.classify.ServerInfo;
import io.natprobe.lifetime.LifetimeBound;
import io.natprobe.lifetime.LifetimeResult;
import io.natprobe.net.TransactionRecord;
import java.util.List;

/**
 * The documented JSON of {@code classify} ({@value #CLASSIFY_SCHEMA}) and {@code lifetime}
 * ({@value #LIFETIME_SCHEMA}); docs/json-schema.md describes every field. Built field by field so the
 * order and the nulls are part of the contract, not of a library's defaults.
 */
public final class ReportJson {

    public static final String CLASSIFY_SCHEMA = "natprobe.classify/1";
    public static final String LIFETIME_SCHEMA = "natprobe.lifetime/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** {@code repeat}: null for a single run, else the agreement of N runs. */
    public static ObjectNode classify(NatReport r, Repeat repeat) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", CLASSIFY_SCHEMA);
        ArrayNode servers = o.putArray("servers");
        for (ServerInfo s : r.servers()) {
            ObjectNode n = servers.addObject();
            n.put("address", s.address());
            n.put("support", s.support().wire());
            n.put("otherAddress", s.otherAddress());
            n.put("software", s.software());
        }
        o.put("localAddress", r.localAddress());
        o.put("mappedAddress", r.mappedAddress());
        o.put("mapping", r.mapping().wire());
        o.put("filtering", r.filtering().wire());
        o.put("hairpinning", r.hairpinning());
        o.put("portPreservation", r.portPreservation());
        o.put("portAllocation", r.portAllocation().wire());
        o.put("portDelta", r.portDelta());
        o.put("classicType", r.classicType().wire());
        o.put("cgnatSuspected", r.cgnatSuspected());
        o.put("doubleNatSuspected", r.doubleNatSuspected());
        if (r.bindingLifetime() == null) {
            o.putNull("bindingLifetime");
        } else {
            o.set("bindingLifetime", lifetimeBody(MAPPER.createObjectNode(), r.bindingLifetime()));
        }
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(w::add);
        if (r.bindingLifetime() != null) r.bindingLifetime().warnings().forEach(w::add);
        ObjectNode ev = o.putObject("evidence");
        for (String k : List.of("mapping", "filtering", "hairpinning", "portAllocation")) {
            List<String> labels = r.evidence().get(k);
            if (labels == null) ev.putNull(k);
            else labels.forEach(ev.putArray(k)::add);
        }
        o.put("durationMs", r.durationMs());
        if (repeat != null) {
            ObjectNode rep = o.putObject("repeat");
            rep.put("runs", repeat.runs());
            rep.put("agreeing", repeat.agreeing());
            ArrayNode verdicts = rep.putArray("verdicts");
            repeat.verdicts().forEach(verdicts::add);
        }
        o.put("strays", r.strays());
        transactions(o.putArray("transactions"), r.transactions());
        if (r.bindingLifetime() != null) transactions(o.putArray("lifetimeTransactions"), r.bindingLifetime().transactions());
        return o;
    }

    /** The agreement of {@code --repeat N} runs: how many gave the reported verdict, and every run's verdict. */
    public record Repeat(int runs, int agreeing, List<String> verdicts) {}

    public static ObjectNode lifetime(String server, LifetimeResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", LIFETIME_SCHEMA);
        o.put("server", server);
        lifetimeBody(o, r);
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(w::add);
        o.put("durationMs", r.durationMs());
        transactions(o.putArray("transactions"), r.transactions());
        return o;
    }

    private static ObjectNode lifetimeBody(ObjectNode o, LifetimeResult r) {
        bound(o, "singleExchange", r.singleExchange());
        bound(o, "sustained", r.sustained());
        o.put("maxSeconds", r.maxSeconds());
        o.put("meetsRfc4787", Keepalive.meetsRfc4787(r));
        o.put("keepaliveSeconds", Keepalive.recommendedSeconds(r));
        return o;
    }

    private static void bound(ObjectNode o, String name, LifetimeBound b) {
        if (b == null) {
            o.putNull(name);
            return;
        }
        ObjectNode n = o.putObject(name);
        n.put("seconds", b.seconds());
        n.put("lowerBound", b.lowerBound());
        n.put("upperBound", b.upperBound());
    }

    private static void transactions(ArrayNode a, List<TransactionRecord> records) {
        for (TransactionRecord t : records) {
            ObjectNode n = a.addObject();
            n.put("label", t.label());
            n.put("transactionId", t.transactionId());
            n.put("socket", t.socket());
            n.put("local", t.local());
            n.put("to", t.to());
            n.put("sends", t.sends());
            n.put("outcome", t.outcome());
            n.put("rttMs", t.rttMs());
            n.put("from", t.from());
            n.put("receivedOn", t.receivedOn());
            n.put("mappedAddress", t.mappedAddress());
        }
    }

    public static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree we built: " + e.getMessage(), e);
        }
    }

}
