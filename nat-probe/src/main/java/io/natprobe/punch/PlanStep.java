package io.natprobe.punch;

import io.natprobe.punch.PunchOptions.Direction;
import io.natprobe.punch.PunchOptions.Strategy;
import io.natprobe.rendezvous.Role;
import java.util.ArrayList;
import java.util.List;

/** One attempt of A's plan: who goes first and which strategy; {@code direction} groups steps. */
record PlanStep(int direction, Role first, Strategy strategy) {

    /** The attempts an automatic run makes, in order (a direction stops at its first connection). */
    static List<PlanStep> of(PunchOptions o) {
        List<Role> firsts = o.direction() == Direction.A_FIRST ? List.of(Role.A)
                : o.direction() == Direction.B_FIRST ? List.of(Role.B) : List.of(Role.A, Role.B);
        List<Strategy> strategies = o.strategy() == Strategy.ALL
                ? List.of(Strategy.STEPWISE, Strategy.SIMULTANEOUS, Strategy.PREDICT, Strategy.BIRTHDAY)
                : List.of(o.strategy());
        List<PlanStep> steps = new ArrayList<>();
        for (int d = 0; d < firsts.size(); d++) {
            for (Strategy s : strategies) {
                steps.add(new PlanStep(d, firsts.get(d), s));
            }
        }
        return steps;
    }
}
