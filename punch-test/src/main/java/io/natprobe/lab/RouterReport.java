package io.natprobe.lab;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The self-check of one router: its checks, how long they took, and (on failure) what a person
 * needs to see: the ruleset and the conntrack table.
 */
public record RouterReport(RouterPlan router, List<CheckResult> checks, Duration took, String diagnostics) {

    public RouterReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(c -> c.outcome() == CheckResult.Outcome.FAIL);
    }

    public CheckResult check(String name) {
        return checks.stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + name));
    }

    /** What the configuration promises, in one cell. */
    public String configured() {
        RouterSpec s = router.spec();
        Expectation e = Expectation.of(s);
        StringBuilder b = new StringBuilder(compact(e.mappingLabel()) + "+" + e.filtering().abbreviation());
        b.append(s.hairpin() ? " hairpin" : "");
        b.append(s.inbound() != InboundPolicy.KERNEL ? " inbound=" + s.inbound().term() : "");
        b.append(s.icmp() != IcmpPolicy.FORWARD ? " icmp=" + s.icmp().term() : "");
        b.append(e.lossPercent() > 0 ? " loss=" + e.lossPercent() + "%" : "");
        b.append(" t=").append(e.udpTimeout()).append('/').append(e.streamTimeout()).append('s');
        b.append(s.carrier().isPresent() ? " behind CGNAT" : "");
        return b.toString();
    }

    /** What the packets showed, in one cell (the checks that failed are marked with '!'). */
    public String measured() {
        return checks.stream().filter(c -> c.outcome() != CheckResult.Outcome.SKIPPED)
                .map(c -> (c.outcome() == CheckResult.Outcome.FAIL ? "!" : "") + c.check() + "=" + shortly(c))
                .collect(Collectors.joining(" "))
                .replace("timeout=ok stream=ok", "timeouts=ok");
    }

    /** "EIM(no port preservation)" is "EIM-np" in tables, as on the command line. */
    private static String compact(String s) {
        return s.replace("(no port preservation)", "-np");
    }

    private static String shortly(CheckResult c) {
        String m = c.measured();
        int cut = m.indexOf(" [");
        if (cut < 0) {
            cut = m.indexOf(" (");
        }
        m = cut > 0 ? m.substring(0, cut) : m;
        if (c.check().equals("timeout") || c.check().equals("stream")) {
            m = c.outcome() == CheckResult.Outcome.PASS ? "ok" : m;
        }
        return compact(m).replace(' ', '_');
    }

    /** Every check, one per line, plus the diagnostics when something failed. */
    public String details() {
        StringBuilder b = new StringBuilder("router " + router.name() + " (" + router.spec().options() + "), "
                + took.toMillis() + " ms\n");
        checks.forEach(c -> b.append("  ").append(c.line()).append('\n'));
        if (!passed() && !diagnostics.isEmpty()) {
            b.append(diagnostics.indent(4));
        }
        return b.toString();
    }
}
