package io.natprobe.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.natprobe.log.TrafficKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verdict at the top of the report, in plain words. What happened outranks what was predicted:
 * a punch result first, then what the packet logs show crossing between the peers, then a
 * prediction from the two classifications (the combinations measured on real Linux NATs, NAT-FACTS).
 *
 * @param tone      ok (a direct connection works or should), fail, or unknown
 * @param headline  one sentence
 * @param details   the reasons, one line each
 * @param advice    what to try next, one line each
 */
public record Verdict(Tone tone, String headline, List<String> details, List<String> advice) {

    public enum Tone { OK, FAIL, UNKNOWN }

    public Verdict {
        details = List.copyOf(details);
        advice = List.copyOf(advice);
    }

    public static Verdict of(ReportInputs in, Ladder ladder) {
        if (!in.punches().isEmpty()) {
            return fromPunch(in.punches());
        }
        Verdict observed = fromPackets(ladder);
        if (observed != null) {
            return observed;
        }
        return predicted(in.classifications());
    }

    private static Verdict fromPunch(Map<Side, JsonNode> punches) {
        Side side = punches.containsKey(Side.A) ? Side.A : Side.B;
        JsonNode p = punches.get(side);
        String result = Json.text(p, "result");
        List<String> details = new ArrayList<>();
        for (JsonNode d : Json.objects(p, "directions")) {
            Long ms = Json.number(d, "timeToConnectMs");
            details.add((Json.text(d, "from") == null ? "?" : Json.text(d, "from")) + " went first: "
                    + (Json.text(d, "result") == null ? "no result" : Json.text(d, "result"))
                    + (Json.text(d, "strategy") == null ? "" : " with strategy " + Json.text(d, "strategy"))
                    + (ms == null ? "" : " after " + ms + " ms"));
        }
        JsonNode diag = p.get("diagnosis");
        String summary = null;
        List<String> advice = new ArrayList<>();
        if (diag != null && diag.isObject()) {
            summary = Json.text(diag, "summary");
            String code = Json.text(diag, "code");
            details.addAll(Json.texts(diag, "details"));
            advice.addAll(Json.texts(diag, "advice"));
            if (code != null) details.add("finding: " + code);
        } else if (diag != null && diag.isTextual()) {
            summary = diag.asText();
        }
        if ("connected".equals(result)) {
            return new Verdict(Tone.OK, "Direct connection works: the two sides reached each other without a relay."
                    + (summary == null ? "" : " " + summary), details, advice);
        }
        if ("failed".equals(result)) {
            return new Verdict(Tone.FAIL, "No direct connection: " + (summary == null ? "the punch attempt failed." : summary),
                    details, advice);
        }
        return new Verdict(Tone.UNKNOWN, "The punch result does not say whether it connected"
                + (result == null ? "." : " (result \"" + result + "\")."), details, advice);
    }

    /** What the packet logs show between the peers, or null when no packet went between them. */
    private static Verdict fromPackets(Ladder ladder) {
        int[] delivered = new int[2];
        int[] lost = new int[2];
        int[] unknown = new int[2];
        int icmp = 0;
        for (Ladder.Arrow a : ladder.arrows()) {
            if (a.style() == Ladder.Style.ICMP) icmp++;
            TrafficKind k = kind(ladder, a);
            boolean peerToPeer = isHost(a.from()) && a.to() != Lane.SERVER && a.to() != Lane.OTHER
                    && a.to() != Lane.nat(a.from() == Lane.HOST_A ? Side.A : Side.B)
                    && k != TrafficKind.STUN && k != TrafficKind.RENDEZVOUS;
            if (!peerToPeer) continue;
            int dir = a.from() == Lane.HOST_A ? 0 : 1;
            switch (a.style()) {
                case DELIVERED -> delivered[dir]++;
                case LOST -> lost[dir]++;
                case UNCONFIRMED -> unknown[dir]++;
                default -> { }
            }
        }
        if (delivered[0] + delivered[1] + lost[0] + lost[1] + unknown[0] + unknown[1] == 0) {
            return null;
        }
        List<String> details = new ArrayList<>();
        String[] names = {"A to B", "B to A"};
        for (int d = 0; d < 2; d++) {
            details.add(names[d] + ": " + count(delivered[d], "packet") + " arrived, " + lost[d] + " lost"
                    + (unknown[d] > 0 ? ", " + unknown[d] + " not known (no log from the receiver)" : ""));
        }
        if (icmp > 0) details.add(count(icmp, "ICMP error") + " reported (a NAT or host refused a packet)");
        Tone[] dir = new Tone[2];
        for (int d = 0; d < 2; d++) {
            dir[d] = delivered[d] > 0 ? Tone.OK : lost[d] > 0 ? Tone.FAIL : Tone.UNKNOWN;
        }
        if (dir[0] == Tone.OK && dir[1] == Tone.OK) {
            return new Verdict(Tone.OK, "Direct connection works: packets got through in both directions.", details, List.of());
        }
        if (dir[0] == Tone.FAIL && dir[1] == Tone.FAIL) {
            return new Verdict(Tone.FAIL, "No direct connection: no packet between the two sides got through.", details,
                    List.of("See each side's NAT behaviour: a NAT that changes its port per destination on one side and strict "
                            + "filtering on the other needs a relay (TURN)."));
        }
        for (int d = 0; d < 2; d++) {
            if (dir[d] == Tone.OK && dir[1 - d] == Tone.FAIL) {
                return new Verdict(Tone.FAIL, "Only one direction works: packets got through from " + names[d] + ", but not from "
                        + names[1 - d] + ".", details, List.of("Check the filtering of the NAT that stopped the " + names[1 - d]
                        + " packets, and that both sides punch at the same time."));
            }
        }
        for (int d = 0; d < 2; d++) {
            if (dir[d] == Tone.OK) {
                if (unknown[1 - d] == 0) {
                    return new Verdict(Tone.UNKNOWN, "Packets got through from " + names[d] + "; none were sent from "
                            + names[1 - d] + ", so the other direction was not tried.", details,
                            List.of("Run the attempt in the other direction too (natprobe punch tries both)."));
                }
                return new Verdict(Tone.UNKNOWN, "Packets got through from " + names[d] + "; whether they got through from "
                        + names[1 - d] + " is not known (no log from the receiving side).", details,
                        List.of("Add the other side's packet log to the report."));
            }
        }
        return new Verdict(Tone.UNKNOWN, "Not known whether packets got through: only one side's log was given.", details,
                List.of("Add the other side's packet log to the report."));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static TrafficKind kind(Ladder ladder, Ladder.Arrow a) {
        return ladder.events().get(a.eventIds().get(0)).event().kind();
    }

    private static boolean isHost(Lane l) {
        return l == Lane.HOST_A || l == Lane.HOST_B;
    }

    /** A prediction from the NAT behaviours alone (NAT-FACTS: simultaneous punching between Linux NATs). */
    static Verdict predicted(Map<Side, JsonNode> classifications) {
        if (classifications.isEmpty()) {
            return new Verdict(Tone.UNKNOWN, "No verdict: the inputs hold neither a punch result, nor packets between the "
                    + "two sides, nor a classification.", List.of(), List.of("Run natprobe classify --json on both sides "
                    + "and natprobe punch --json, and give their outputs to natprobe report."));
        }
        if (classifications.size() == 1) {
            Side s = classifications.keySet().iterator().next();
            JsonNode c = classifications.get(s);
            String m = Json.text(c, "mapping");
            String f = Json.text(c, "filtering");
            return new Verdict(Tone.UNKNOWN, "Only side " + s + " was classified: " + single(m, f),
                    List.of("side " + s + ": mapping " + m + ", filtering " + f),
                    List.of("Classify the other side too (natprobe classify --json) to predict this pair."));
        }
        JsonNode a = classifications.get(Side.A);
        JsonNode b = classifications.get(Side.B);
        String ma = Json.text(a, "mapping"), fa = Json.text(a, "filtering");
        String mb = Json.text(b, "mapping"), fb = Json.text(b, "filtering");
        List<String> details = List.of("side A: mapping " + ma + ", filtering " + fa,
                "side B: mapping " + mb + ", filtering " + fb);
        if (!Words.known(ma) || !Words.known(fa) || !Words.known(mb) || !Words.known(fb)) {
            return new Verdict(Tone.UNKNOWN, "No prediction: the behaviour of one side could not be fully determined.",
                    details, List.of("Repeat natprobe classify on that side (see its warnings below)."));
        }
        if (Words.letsAnyoneIn(fa) || Words.letsAnyoneIn(fb)) {
            return new Verdict(Tone.OK, "A direct connection should work: one side lets anyone in on an open port, so the "
                    + "other side's packets reach it.", details, List.of());
        }
        if ((Words.keepsPort(ma) && "address-dependent".equals(fa)) || (Words.keepsPort(mb) && "address-dependent".equals(fb))) {
            return new Verdict(Tone.OK, "A direct connection should work if both sides punch at the same time: one side keeps "
                    + "one public port per socket and filters by address only.", details, List.of());
        }
        if (Words.keepsPort(ma) && Words.keepsPort(mb)) {
            return new Verdict(Tone.OK, "A direct connection should work if both sides punch at the same time: both NATs keep "
                    + "one public port per socket.", details, List.of());
        }
        return new Verdict(Tone.FAIL, "A direct connection is not expected to work: one side's NAT gives a new public port for "
                + "every destination and the other side only lets in the exact address it sent to.", details,
                List.of("Use a relay (TURN) for this pair, or change the NAT with the per-destination mapping "
                        + "(e.g. enable endpoint-independent mapping or UPnP/PCP port mapping on it)."));
    }

    private static String single(String m, String f) {
        if (Words.letsAnyoneIn(f) && Words.known(m)) return "it lets anyone in on an open port; direct connections should work with any peer.";
        if (Words.keepsPort(m) && Words.known(f)) return "it keeps one public port per socket; direct connections work with most peers.";
        if (Words.known(m) && Words.known(f)) return "it gives a new public port for every destination; only peers that let anyone in can be reached directly.";
        return "its behaviour could not be fully determined.";
    }
}
