package io.natprobe.report.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The vertical axis of the ladder: one row per event, at least {@link #ROW} pixels apart, plus space
 * in proportion to the time between events (up to {@link #MAX_EXTRA}), so bursts look dense and
 * pauses look long; a pause longer than {@link #GAP} is cut to a fixed height and labelled with its
 * real length.
 */
final class TimeAxis {
    static final double ROW = 26;
    static final double PX_PER_MS = 0.12;
    static final double MAX_EXTRA = 48;
    static final Duration GAP = Duration.ofMillis(1500);
    static final double GAP_HEIGHT = 34;

    /** A compressed pause between two rows: drawn between {@code yFrom} and {@code yTo}. */
    record Gap(double yFrom, double yTo, Duration length) {}

    private final double[] ys;
    private final List<Gap> gaps;

    private TimeAxis(double[] ys, List<Gap> gaps) {
        this.ys = ys;
        this.gaps = List.copyOf(gaps);
    }

    static TimeAxis of(List<SidedEvent> events, double top) {
        double[] ys = new double[events.size()];
        List<Gap> gaps = new ArrayList<>();
        double y = top;
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                Duration dt = Duration.between(events.get(i - 1).event().at(), events.get(i).event().at());
                if (dt.compareTo(GAP) > 0) {
                    gaps.add(new Gap(y + ROW / 2 - 4, y + ROW / 2 + GAP_HEIGHT - 4, dt));
                    y += ROW + GAP_HEIGHT;
                } else {
                    y += ROW + Math.min(MAX_EXTRA, Math.max(0, dt.toMillis()) * PX_PER_MS);
                }
            }
            ys[i] = y;
        }
        return new TimeAxis(ys, gaps);
    }

    double y(int row) {
        return ys[row];
    }

    double bottom() {
        return ys.length == 0 ? 0 : ys[ys.length - 1];
    }

    List<Gap> gaps() {
        return gaps;
    }
}
