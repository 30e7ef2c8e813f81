package io.natprobe.report.support;

/** The two peers of a report. A is the one named first (or with {@code --side A=FILE}). */
public enum Side {
    A,
    B;

    public Side other() {
        return this == A ? B : A;
    }
}
