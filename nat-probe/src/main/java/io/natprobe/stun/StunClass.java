package io.natprobe.stun;

/** The two class bits of a STUN message type (RFC 8489 §5). */
public enum StunClass {
    REQUEST(0b00, "request"),
    INDICATION(0b01, "indication"),
    SUCCESS_RESPONSE(0b10, "success response"),
    ERROR_RESPONSE(0b11, "error response");

    private final int bits;
    private final String label;

    StunClass(int bits, String label) {
        this.bits = bits;
        this.label = label;
    }

    /** The two class bits C1 C0 as a number 0..3. */
    public int bits() {
        return bits;
    }

    /** Human label, e.g. "success response". */
    public String label() {
        return label;
    }

    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }

    public static StunClass ofBits(int bits) {
        return values()[bits & 0b11];
    }
}
