package io.natprobe.report.support;

/**
 * An input of {@code natprobe report} that is not what natprobe writes: the message names the file,
 * the line or field, and what was expected, e.g.
 * {@code "b.jsonl line 3: field \"at\" is missing or not a string"}.
 */
public final class ReportInputException extends Exception {
    public ReportInputException(String message) {
        super(message);
    }
}
