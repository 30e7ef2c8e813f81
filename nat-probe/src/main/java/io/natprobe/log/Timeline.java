package io.natprobe.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Merges this side's log with the peer's into one timeline in this side's clock. */
public final class Timeline {
    private Timeline() {}

    /**
     * @param clockOffset how far the peer's clock is ahead of ours ({@link ClockOffset#estimate})
     * @return every event, peer events marked {@link Origin#PEER} and shifted, sorted by time (stable)
     */
    public static List<PacketEvent> merge(List<PacketEvent> self, List<PacketEvent> peer, Duration clockOffset) {
        List<PacketEvent> all = new ArrayList<>(self.size() + peer.size());
        all.addAll(self);
        for (PacketEvent e : peer) {
            all.add(e.origin() == Origin.PEER ? e : e.asPeer(clockOffset));
        }
        all.sort(Comparator.comparing(PacketEvent::at));
        return all;
    }
}
