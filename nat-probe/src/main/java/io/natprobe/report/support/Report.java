package io.natprobe.report.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything derived from the inputs once, for the HTML and the text renderers. */
record Report(ReportInputs inputs, List<SidedEvent> events, AddressBook book, Ladder ladder, Verdict verdict,
              List<SideFacts> facts, Map<Lane, List<String>> laneLabels) {

    static Report of(ReportInputs in) {
        List<SidedEvent> events = in.allEvents();
        AddressBook book = AddressBook.of(in, events);
        Ladder ladder = LadderBuilder.build(events, book);
        List<SideFacts> facts = new ArrayList<>();
        for (Side s : Side.values()) {
            facts.add(SideFacts.of(s, in.classifications().get(s), in.lifetimes().get(s), punchNat(in, s)));
        }
        return new Report(in, events, book, ladder, Verdict.of(in, ladder), facts, LaneLabels.of(book, in, events));
    }

    /** The punch result's NAT check of {@code side}: its own "self.nat", or the other side's "peer.nat". */
    private static com.fasterxml.jackson.databind.JsonNode punchNat(ReportInputs in, Side side) {
        if (in.punches().containsKey(side)) return in.punches().get(side).path("self").get("nat");
        if (in.punches().containsKey(side.other())) return in.punches().get(side.other()).path("peer").get("nat");
        return null;
    }
}
