package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One side's NAT behaviour as rows of (what, value in words, evidence), read defensively from its
 * classification and lifetime JSON. Shared by the HTML and the text report.
 */
public record SideFacts(Side side, boolean measured, List<Row> rows, List<String> warnings, List<String> evidence) {

    public SideFacts {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        evidence = List.copyOf(evidence);
    }

    /** @param evidence the labels of the tests the value was read from, e.g. "filtering-II, filtering-III" */
    public record Row(String name, String value, String evidence) {}

    /**
     * @param punchNat the {@code nat} object a punch result holds for this side (its quick check from the
     *                 punch socket), used only when there is no classification; may be null
     */
    public static SideFacts of(Side side, JsonNode c, JsonNode lifetime, JsonNode punchNat) {
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean fromPunch = c == null && punchNat != null && punchNat.isObject();
        if (fromPunch) {
            String m = Json.text(punchNat, "mapping");
            String f = Json.text(punchNat, "filtering");
            rows.add(new Row("mapping", (m == null ? "unknown" : m) + " - " + ("endpoint-dependent".equals(m)
                    ? "a new public port for other destinations" : Words.mapping(m)), "quick check by natprobe punch"));
            rows.add(new Row("filtering", (f == null ? "unknown" : f) + " - " + Words.filtering(f), "quick check by natprobe punch"));
            rows.add(new Row("full classification", "not given (run natprobe classify --json on this side)", ""));
        }
        if (c != null) {
            String local = Json.text(c, "localAddress");
            String mapped = Json.text(c, "mappedAddress");
            rows.add(new Row("local address", local == null ? "not known" : local, ""));
            rows.add(new Row("public address", mapped == null ? "not known (no answer)"
                    : mapped + (mapped.equals(local) ? " (same as local: no NAT)" : ""), ""));
            String m = Json.text(c, "mapping");
            String f = Json.text(c, "filtering");
            rows.add(new Row("mapping", (m == null ? "?" : m) + " - " + Words.mapping(m), labels(c, "mapping")));
            rows.add(new Row("filtering", (f == null ? "?" : f) + " - " + Words.filtering(f), labels(c, "filtering")));
            rows.add(new Row("hairpinning", Words.hairpinning(Json.bool(c, "hairpinning")), labels(c, "hairpinning")));
            String alloc = Json.text(c, "portAllocation");
            rows.add(new Row("port allocation", (alloc == null ? "?" : alloc) + " - "
                    + Words.allocation(alloc, Json.number(c, "portDelta")), labels(c, "portAllocation")));
            String classic = Json.text(c, "classicType");
            if (classic != null) {
                rows.add(new Row("classic label", classic + " (RFC 3489 name, for reference)", ""));
            }
            List<String> hints = new ArrayList<>();
            if (Boolean.TRUE.equals(Json.bool(c, "cgnatSuspected"))) hints.add("carrier-grade NAT suspected");
            if (Boolean.TRUE.equals(Json.bool(c, "doubleNatSuspected"))) hints.add("double NAT suspected");
            if (!hints.isEmpty()) rows.add(new Row("address hints", String.join("; ", hints), ""));
            for (JsonNode s : Json.objects(c, "servers")) {
                String other = Json.text(s, "otherAddress");
                rows.add(new Row("server", Json.text(s, "address") + " (" + Json.text(s, "support") + ")"
                        + (other == null ? "" : ", other address " + other), ""));
            }
            warnings.addAll(Json.texts(c, "warnings"));
            for (JsonNode t : Json.objects(c, "transactions")) {
                evidence.add(transaction(t));
            }
        }
        JsonNode life = lifetime != null ? lifetime : c == null ? null : c.get("bindingLifetime");
        if (life != null && life.isObject()) {
            rows.add(new Row("idle binding, one exchange", bound(life.get("singleExchange")), ""));
            rows.add(new Row("idle binding, two-way traffic", bound(life.get("sustained")), ""));
            Boolean meets = Json.bool(life, "meetsRfc4787");
            rows.add(new Row("RFC 4787 REQ-5", meets == null ? "cannot tell from the delays tried"
                    : meets ? "met: bindings live at least 2 minutes" : "NOT met: bindings expire in less than 2 minutes", ""));
            Long k = Json.number(life, "keepaliveSeconds");
            rows.add(new Row("keepalive", k == null ? "no advice (nothing measured)"
                    : "send something on every open binding at least every " + k + " s", ""));
            if (lifetime != null) {
                warnings.addAll(Json.texts(lifetime, "warnings"));
                for (JsonNode t : Json.objects(lifetime, "transactions")) evidence.add(transaction(t));
            }
        } else if (c != null) {
            rows.add(new Row("binding lifetime", "not measured (run natprobe classify --lifetime or natprobe lifetime)", ""));
        }
        return new SideFacts(side, c != null || lifetime != null || fromPunch, rows, warnings, evidence);
    }

    private static String labels(JsonNode c, String key) {
        JsonNode ev = c.path("evidence");
        return String.join(", ", Json.texts(ev, key));
    }

    private static String bound(JsonNode b) {
        if (b == null || !b.isObject()) return "not measured";
        Long lower = Json.number(b, "lowerBound");
        Long upper = Json.number(b, "upperBound");
        if (lower == null) return "not measured";
        if (upper == null) return "at least " + lower + " s (still open at the longest delay tried)";
        return "about " + upper + " s (alive after " + lower + " s idle, gone after " + upper + " s)";
    }

    /** "mapping-I  127.0.0.1:45542 -> 127.0.0.1:23478  answered by 127.0.0.1:23478 in 60 ms, mapped 127.0.0.1:45542". */
    static String transaction(JsonNode t) {
        StringBuilder b = new StringBuilder();
        b.append(orQ(Json.text(t, "label"))).append(": ").append(orQ(Json.text(t, "local"))).append(" -> ")
                .append(orQ(Json.text(t, "to")));
        String outcome = Json.text(t, "outcome");
        b.append(", ").append(outcome == null ? "outcome not recorded" : outcome);
        String from = Json.text(t, "from");
        if (from != null) b.append(" from ").append(from);
        Long rtt = Json.number(t, "rttMs");
        if (rtt != null) b.append(" in ").append(rtt).append(" ms");
        String mapped = Json.text(t, "mappedAddress");
        if (mapped != null) b.append(", mapped to ").append(mapped);
        Long sends = Json.number(t, "sends");
        if (sends != null && sends > 1) b.append(" (").append(sends).append(" sends)");
        return b.toString();
    }

    private static String orQ(String s) {
        return s == null ? "?" : s;
    }
}
