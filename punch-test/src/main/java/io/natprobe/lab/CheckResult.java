package io.natprobe.lab;

/**
 * One self-check of one router behaviour.
 *
 * @param check    what was checked, e.g. {@code mapping}
 * @param expected what the configuration promises
 * @param measured what the packets showed
 * @param outcome  pass, fail or skipped (with the reason in {@code measured})
 */
public record CheckResult(String check, String expected, String measured, Outcome outcome) {

    public enum Outcome { PASS, FAIL, SKIPPED }

    public static CheckResult of(String check, String expected, String measured) {
        return new CheckResult(check, expected, measured, expected.equals(measured) ? Outcome.PASS : Outcome.FAIL);
    }

    public static CheckResult judged(String check, String expected, String measured, boolean pass) {
        return new CheckResult(check, expected, measured, pass ? Outcome.PASS : Outcome.FAIL);
    }

    public static CheckResult skipped(String check, String expected, String reason) {
        return new CheckResult(check, expected, reason, Outcome.SKIPPED);
    }

    public String line() {
        return String.format("%-9s %-8s expected %-40s measured %s", outcome, check, expected, measured);
    }
}
