package io.natprobe.report.support;

import io.natprobe.log.EventType;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketLineFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Turns the merged timeline into a {@link Ladder}. A packet one side sent to the other is paired with
 * the other side's receipt of it ({@link ReceiptIndex}); when the receiver's log is present and holds no such
 * receipt, the packet was lost on the way and ends at the NAT in front of the receiver. An ICMP error
 * starts where the packet that caused it was stopped. Pure: no I/O, no clock.
 */
public final class LadderBuilder {
    private LadderBuilder() {}

    public static Ladder build(List<SidedEvent> events, AddressBook book) {
        Set<Side> logged = EnumSet.noneOf(Side.class);
        events.forEach(e -> logged.add(e.side()));
        // First pass: pair every send to the peer with the peer's receipt, in send order. (A receipt can be
        // logged a few microseconds before its send returns, so pairing cannot happen while drawing in time order.)
        Set<Integer> used = new HashSet<>();
        Map<Integer, SidedEvent> receiptOf = new HashMap<>();
        ReceiptIndex receipts = new ReceiptIndex(events);
        for (SidedEvent e : events) {
            if (e.event().type() == EventType.SENT && logged.contains(e.side().other()) && toPeer(book.placeOf(e.event(), e.side()), e.side())) {
                SidedEvent r = receipts.find(e, used);
                if (r != null) {
                    used.add(r.id());
                    receiptOf.put(e.id(), r);
                }
            }
        }
        List<Ladder.Arrow> arrows = new ArrayList<>();
        List<Ladder.Note> notes = new ArrayList<>();
        for (SidedEvent e : events) {
            if (used.contains(e.id())) {
                continue;
            }
            PacketEvent p = e.event();
            Side me = e.side();
            Lane host = Lane.host(me);
            Place place = book.placeOf(p, me);
            boolean toPeer = toPeer(place, me);
            boolean ownPublic = place.side() == me && place.what() == Place.What.PUBLIC;
            switch (p.type()) {
                case SENT -> {
                    used.add(e.id());
                    if (toPeer && logged.contains(me.other())) {
                        SidedEvent r = receiptOf.get(e.id());
                        if (r != null && r.id() < e.id()) {
                            // The receiver logged it before the sender's send call returned (microseconds on one
                            // machine, or clocks apart): draw it where it arrived, so arrows do not cross.
                            arrows.add(new Ladder.Arrow(List.of(e.id(), r.id()), host, Lane.host(me.other()), r.id(), r.id(),
                                    Ladder.Style.DELIVERED, true, true, p.summary(), seenFrom(r, book, me)));
                        } else if (r != null) {
                            arrows.add(new Ladder.Arrow(List.of(e.id(), r.id()), host, Lane.host(me.other()), e.id(), r.id(),
                                    Ladder.Style.DELIVERED, false, false, p.summary(), seenFrom(r, book, me)));
                        } else {
                            arrows.add(sloped(e, host, place.dropLane(), Ladder.Style.LOST, false,
                                    "the " + me.other() + " side's log shows no such packet arriving: stopped on the way, most likely by "
                                            + (place.what() == Place.What.PUBLIC ? "NAT " + me.other() : "the network")));
                        }
                    } else if (toPeer) {
                        arrows.add(sloped(e, host, place.arrivalLane(), Ladder.Style.UNCONFIRMED, false,
                                "no log from side " + me.other() + ": whether it arrived is not known"));
                    } else if (ownPublic) {
                        arrows.add(sloped(e, host, Lane.nat(me), Ladder.Style.UNCONFIRMED, false,
                                "sent to this side's own public address (hairpinning)"));
                    } else if (place.what() == Place.What.SERVER) {
                        arrows.add(sloped(e, host, Lane.SERVER, Ladder.Style.DELIVERED, false, ""));
                    } else {
                        arrows.add(sloped(e, host, Lane.OTHER, Ladder.Style.UNCONFIRMED, false,
                                "to an address that is neither the server's nor the peer's"));
                    }
                }
                case LOST -> {
                    used.add(e.id());
                    arrows.add(sloped(e, host, place.dropLane(), Ladder.Style.LOST, false, "marked lost in the log"));
                }
                case RECEIVED -> {
                    used.add(e.id());
                    Lane from = toPeer ? Lane.host(me.other()) : ownPublic ? Lane.nat(me) : place.arrivalLane();
                    String note = toPeer && logged.contains(me.other())
                            ? "the " + me.other() + " side's log does not show sending this packet" : "";
                    String seen = toPeer ? seenFrom(e, book, me.other()) : "";
                    arrows.add(new Ladder.Arrow(List.of(e.id()), from, host, e.id(), e.id(), Ladder.Style.DELIVERED, true, true,
                            p.summary(), join(note, seen)));
                }
                case ICMP_ERROR -> {
                    used.add(e.id());
                    Lane from = ownPublic ? Lane.nat(me) : place.dropLane();
                    arrows.add(new Ladder.Arrow(List.of(e.id()), from, host, e.id(), e.id(), Ladder.Style.ICMP, true, true,
                            p.summary().contains("ICMP") ? p.summary() : "ICMP error: " + p.summary(), "the kernel reported an ICMP error for a packet to "
                            + (p.remote() == null ? "the peer" : PacketLineFormat.address(p.remote()))));
                }
                case TIMEOUT -> {
                    used.add(e.id());
                    notes.add(new Ladder.Note(e.id(), host, Ladder.NoteKind.TIMEOUT, "timeout: " + p.summary()));
                }
                case STATE -> {
                    used.add(e.id());
                    notes.add(new Ladder.Note(e.id(), host, Ladder.NoteKind.STATE, p.summary()));
                }
            }
        }
        List<Lane> lanes = new ArrayList<>(Arrays.asList(Lane.HOST_A, Lane.NAT_A, Lane.SERVER, Lane.NAT_B, Lane.HOST_B));
        if (arrows.stream().anyMatch(a -> a.from() == Lane.OTHER || a.to() == Lane.OTHER)) {
            lanes.add(Lane.OTHER);
        }
        Instant start = events.isEmpty() ? Instant.EPOCH : events.get(0).event().at();
        return new Ladder(events, lanes, arrows, notes, start);
    }

    private static boolean toPeer(Place place, Side me) {
        return place.side() == me.other() && (place.what() == Place.What.PUBLIC || place.what() == Place.What.LOCAL);
    }

    private static Ladder.Arrow sloped(SidedEvent e, Lane from, Lane to, Ladder.Style style, boolean later, String note) {
        String label = e.event().summary() + (style == Ladder.Style.LOST ? " (lost)" : "");
        return new Ladder.Arrow(List.of(e.id()), from, to, e.id(), e.id(), style, true, later, label, note);
    }

    /**
     * When the receiver saw the packet come from a port the server never saw for the sender, say so:
     * the sender's NAT used another mapping toward the peer (NAT-FACTS: a router whose own stack took
     * the port picks a new one).
     */
    private static String seenFrom(SidedEvent receipt, AddressBook book, Side sender) {
        Addresses.Endpoint from = Addresses.of(receipt.event().remote());
        if (from == null || book.reportedPublics(sender).isEmpty() || book.reportedPublics(sender).contains(from)
                || book.locals(sender).contains(from)) {
            return "";
        }
        return "arrived from " + from + ", an address the server never saw for side " + sender
                + " (its NAT used another public port toward the peer)";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
