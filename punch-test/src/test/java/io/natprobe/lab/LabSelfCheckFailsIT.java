package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-check is not a rubber stamp: a router whose rules were tampered with is caught. */
class LabSelfCheckFailsIT {

    @Test
    void aRouterThatDoesNotDoWhatItSaysIsReportedWithItsRulesetAndConntrack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path stateDir) {
        LabRequirements.assumeLab();
        CommandRunner runner = new ProcessCommandRunner();
        LabTopology t = NatSpecParser.topology(List.of("open=eim,eif", "sym=apdm,apdf"), List.of());
        try (Lab lab = Lab.up(t, LabState.OWNER_PROCESS, runner,
                new LabStateStore(stateDir))) {
            // "open" loses its EIF rule (conntrack's own APDF remains); "sym" gets plain masquerade (EIM).
            runner.check(Command.inNamespace(lab.plan().router("open").namespace(), "sabotage", "",
                    "nft", "flush", "chain", "ip", "natprobe", "prerouting"));
            runner.check(Command.inNamespace(lab.plan().router("sym").namespace(), "sabotage",
                    "flush chain ip natprobe postrouting\nadd rule ip natprobe postrouting oifname \"wan0\" masquerade\n",
                    "nft", "-f", "-"));
            RouterReport open = LabSelfCheck.check(lab, lab.plan().router("open"));
            RouterReport sym = LabSelfCheck.check(lab, lab.plan().router("sym"));

            assertThat(open.passed()).isFalse();
            assertThat(open.check("filter").outcome()).isEqualTo(CheckResult.Outcome.FAIL);
            assertThat(open.check("filter").measured()).isEqualTo("APDF");
            assertThat(open.details()).contains("nft list ruleset", "conntrack -L", "nat open=eim,eif");

            assertThat(sym.check("mapping").outcome()).isEqualTo(CheckResult.Outcome.FAIL);
            assertThat(sym.check("mapping").measured()).startsWith("EIM");
            assertThat(sym.check("filter").outcome()).isEqualTo(CheckResult.Outcome.PASS);
        }
    }
}
