package io.natprobe.report;

import io.natprobe.classify.FilteringBehaviour;
import io.natprobe.classify.MappingBehaviour;
import io.natprobe.classify.NatReport;
import io.natprobe.classify.ServerInfo;
import io.natprobe.lifetime.LifetimeBound;
import io.natprobe.lifetime.LifetimeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Human text for {@code classify} and {@code lifetime}: one verdict line in plain words, the details
 * with the tests they came from, what it means for peer-to-peer, keepalive advice, then warnings.
 * Pinned by golden tests; written for a support engineer, not a NAT expert.
 */
public final class ReportText {

    private ReportText() {}

    public static String classify(NatReport r, ReportJson.Repeat repeat) {
        StringBuilder b = new StringBuilder();
        b.append("Verdict: ").append(P2pAdvice.verdict(r)).append('\n');
        if (repeat != null) {
            b.append("Repeated ").append(Plural.of(repeat.runs(), "time")).append(": ").append(repeat.agreeing()).append(" of ")
                    .append(Plural.of(repeat.runs(), "run")).append(repeat.agreeing() == 1 ? " agrees" : " agree").append(repeat.agreeing() == repeat.runs() ? "." : " (the NAT behaves inconsistently, or the network lost many packets).")
                    .append('\n');
        }
        b.append('\n').append("Details\n");
        row(b, "local address", or(r.localAddress(), "not known"));
        row(b, "public address", r.mappedAddress() == null ? "not known (no answer)"
                : r.mappedAddress() + (r.mappedAddress().equals(r.localAddress()) ? " (same as local: no NAT)" : ""));
        row(b, "mapping", r.mapping().wire() + " - " + mappingWords(r.mapping()) + evidence(r, "mapping"));
        row(b, "filtering", r.filtering().wire() + " - " + filteringWords(r.filtering()) + evidence(r, "filtering"));
        row(b, "hairpinning", (r.hairpinning() == null ? "not tested" : r.hairpinning()
                ? "yes - two devices behind this NAT can reach each other through its public address"
                : "no - devices behind this NAT cannot reach each other through its public address")
                + evidence(r, "hairpinning"));
        row(b, "port allocation", r.portAllocation().wire() + " - " + P2pAdvice.portPrediction(r) + evidence(r, "portAllocation"));
        row(b, "classic label", r.classicType().wire() + " (RFC 3489 name, for reference)");
        if (r.cgnatSuspected() || r.doubleNatSuspected()) {
            row(b, "address hints", (r.cgnatSuspected() ? "carrier-grade NAT suspected" : "")
                    + (r.cgnatSuspected() && r.doubleNatSuspected() ? "; " : "")
                    + (r.doubleNatSuspected() ? "double NAT suspected" : ""));
        }
        for (ServerInfo s : r.servers()) {
            row(b, "server", s.address() + " " + supportWords(s)
                    + (s.otherAddress() != null ? ", other address " + s.otherAddress() : "")
                    + (s.software() != null ? ", software \"" + s.software() + "\"" : ""));
        }
        row(b, "took", r.durationMs() + " ms, " + Plural.of(r.transactions().size(), "transaction")
                + (r.strays() > 0 ? ", " + Plural.of(r.strays(), "stray datagram") + " ignored" : ""));
        b.append('\n').append("Peer-to-peer\n  ").append(P2pAdvice.peerToPeer(r)).append('\n');
        b.append('\n').append("Keepalive\n");
        if (r.bindingLifetime() == null) {
            b.append("  Binding lifetime not measured (add --lifetime). Most NATs keep an idle UDP binding at least\n"
                    + "  30 s; sending a keepalive every 15-25 s is a safe default.\n");
        } else {
            lifetimeBody(b, r.bindingLifetime());
        }
        List<String> warnings = new ArrayList<>(r.warnings());
        if (r.bindingLifetime() != null) warnings.addAll(r.bindingLifetime().warnings());
        if (!warnings.isEmpty()) {
            b.append('\n').append("Warnings\n");
            warnings.forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        b.append('\n').append("Evidence\n");
        r.transactions().forEach(t -> b.append("  ").append(Transactions.line(t)).append('\n'));
        return b.toString();
    }

    public static String lifetime(String server, LifetimeResult r) {
        StringBuilder b = new StringBuilder();
        LifetimeBound single = r.singleExchange();
        if (single == null && r.sustained() == null) {
            b.append("Verdict: binding lifetime could not be measured against ").append(server).append(".\n");
        } else {
            b.append("Verdict: an idle UDP binding on this NAT lives ").append(words(single))
                    .append(" after a single exchange, and ").append(words(r.sustained())).append(" once traffic flowed both ways.\n");
        }
        b.append('\n');
        lifetimeBody(b, r);
        if (!r.warnings().isEmpty()) {
            b.append('\n').append("Warnings\n");
            r.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        b.append('\n').append("took ").append(r.durationMs() / 1000).append(" s, ").append(Plural.of(r.transactions().size(), "transaction")).append("\n");
        return b.toString();
    }

    private static void lifetimeBody(StringBuilder b, LifetimeResult r) {
        row(b, "single exchange", describe(r.singleExchange()));
        row(b, "sustained", describe(r.sustained()));
        Boolean meets = Keepalive.meetsRfc4787(r);
        row(b, "RFC 4787 REQ-5", meets == null ? "cannot tell (needs bindings of 120 s or more to be tried; raise --max)"
                : meets ? "met: bindings live at least 2 minutes" : "NOT met: bindings expire in less than 2 minutes");
        Integer k = Keepalive.recommendedSeconds(r);
        row(b, "keepalive", k == null ? "no advice (nothing measured)"
                : "send something on every open binding at least every " + k + " s");
    }

    private static String words(LifetimeBound x) {
        if (x == null) return "(not measured)";
        if (x.upperBound() == null) return "at least " + x.lowerBound() + " s";
        return "about " + x.seconds() + " s";
    }

    private static String describe(LifetimeBound x) {
        if (x == null) return "not measured";
        if (x.upperBound() == null) return "at least " + x.lowerBound() + " s (still open at the longest delay tried)";
        return x.seconds() + " s (alive after " + x.lowerBound() + " s idle, gone after " + x.upperBound() + " s)";
    }

    private static String mappingWords(MappingBehaviour m) {
        return switch (m) {
            case ENDPOINT_INDEPENDENT -> "the same public port for every destination";
            case ADDRESS_DEPENDENT -> "a new public port for every destination address";
            case ADDRESS_AND_PORT_DEPENDENT -> "a new public port for every destination address and port";
            case NONE -> "no translation";
            case UNKNOWN -> "could not be determined";
        };
    }

    private static String filteringWords(FilteringBehaviour f) {
        return switch (f) {
            case ENDPOINT_INDEPENDENT -> "anyone may send in once a port is open";
            case ADDRESS_DEPENDENT -> "only addresses you have sent to may send in";
            case ADDRESS_AND_PORT_DEPENDENT -> "only the exact address and port you sent to may send in";
            case NONE -> "nothing is filtered";
            case UNKNOWN -> "could not be determined";
        };
    }

    private static String supportWords(ServerInfo s) {
        return switch (s.support()) {
            case RFC5780 -> "supports RFC 5780 (full NAT behaviour tests)";
            case LEGACY_RFC3489 -> "is a legacy RFC 3489 server (used for the full tests)";
            case NO_RFC5780 -> "does not support RFC 5780 (public address only)";
            case NO_ANSWER -> "did not answer";
        };
    }

    private static String evidence(NatReport r, String key) {
        List<String> labels = r.evidence().get(key);
        return labels == null || labels.isEmpty() ? "" : "  [" + String.join(", ", labels) + "]";
    }

    private static String or(String s, String other) {
        return s == null ? other : s;
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("  ").append(String.format("%-16s", name)).append(' ').append(value).append('\n');
    }
}
