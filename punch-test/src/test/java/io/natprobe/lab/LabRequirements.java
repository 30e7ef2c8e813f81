package io.natprobe.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Lab tests need root and iproute2/nftables/conntrack. Where they are missing the tests skip with
 * the reason; with {@code NATPROBE_REQUIRE_LAB=1} (set by .ci/run) a skip is a failure.
 */
public final class LabRequirements {

    private LabRequirements() {}

    public static void assumeLab() {
        Optional<String> problem = LabPreflight.problem();
        if (problem.isEmpty()) {
            return;
        }
        String reason = "lab test cannot run here: " + problem.get().replace('\n', ' ');
        if ("1".equals(System.getenv("NATPROBE_REQUIRE_LAB"))) {
            fail(reason + " (NATPROBE_REQUIRE_LAB=1: lab tests must run)");
        }
        Assumptions.abort(reason);
    }
}
