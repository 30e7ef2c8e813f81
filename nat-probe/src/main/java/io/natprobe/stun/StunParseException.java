package io.natprobe.stun;

/**
 * The only exception for bad wire input. It names the place (header field or attribute), the byte
 * offset where the problem starts, and the actual vs expected values.
 */
public final class StunParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String place;
    private final int offset;
    private final String problem;

    public StunParseException(String place, int offset, String problem) {
        super(place + " at byte " + offset + ": " + problem, null, false, false);
        this.place = place;
        this.offset = offset;
        this.problem = problem;
    }

    /** The header field or attribute name where the problem is, e.g. {@code "XOR-MAPPED-ADDRESS"}. */
    public String place() {
        return place;
    }

    /** Byte offset in the datagram where the offending field starts. */
    public int offset() {
        return offset;
    }

    /** What is wrong, with actual and expected values, e.g. {@code "value is 4 bytes (expected: 8 or 20)"}. */
    public String problem() {
        return problem;
    }
}
