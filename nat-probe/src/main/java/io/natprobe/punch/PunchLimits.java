package io.natprobe.punch;

import java.time.Duration;

/**
 * Bounds of the punch procedures, so natprobe never floods a network (docs/punch.md).
 *
 * @param openProbes          stepwise: probes the first side sends to open its hole before asking
 * @param predictWindow       sequential prediction: ports tried past the one the server saw
 * @param predictProbes       sequential prediction: probes at most per attempt
 * @param birthdaySockets     birthday: sockets the side with the changing mapping opens
 * @param birthdayProbes      birthday: probes at most the other side sprays per attempt
 * @param birthdayRate        birthday: spray rate, probes per second
 * @param startLead           how far ahead A schedules a coordinated start (the control message's trip)
 * @param resultGrace         how long A waits for B's result of an attempt before going on
 */
public record PunchLimits(int openProbes, int predictWindow, int predictProbes, int birthdaySockets,
                          int birthdayProbes, int birthdayRate, Duration startLead, Duration resultGrace) {
    public static final PunchLimits DEFAULT = new PunchLimits(3, 16, 400, 256, 2500, 500,
            Duration.ofMillis(400), Duration.ofSeconds(3));

    public PunchLimits {
        if (openProbes < 1 || predictWindow < 1 || predictProbes < 1 || birthdaySockets < 1 || birthdaySockets > 1024
                || birthdayProbes < 1 || birthdayProbes > 20_000 || birthdayRate < 1 || birthdayRate > 5_000) {
            throw new IllegalArgumentException("punch limits out of range");
        }
    }
}
