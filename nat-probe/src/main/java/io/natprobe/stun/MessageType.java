package io.natprobe.stun;

/**
 * The 14-bit STUN message type: a method and a class interleaved as RFC 8489 §5 draws them
 * (M11..M7 C1 M6..M4 C0 M3..M0).
 */
public record MessageType(StunMethod method, StunClass stunClass) {
    public static final MessageType BINDING_REQUEST = new MessageType(StunMethod.BINDING, StunClass.REQUEST);
    public static final MessageType BINDING_SUCCESS = new MessageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE);
    public static final MessageType BINDING_ERROR = new MessageType(StunMethod.BINDING, StunClass.ERROR_RESPONSE);
    public static final MessageType BINDING_INDICATION = new MessageType(StunMethod.BINDING, StunClass.INDICATION);

    public MessageType {
        if (method == null || stunClass == null) {
            throw new IllegalArgumentException("method and class are required");
        }
    }

    /** The 16-bit field value (the two leading bits are zero). */
    public int toWire() {
        int m = method.code();
        int c = stunClass.bits();
        return (m & 0x000F) | ((c & 0b01) << 4) | ((m & 0x0070) << 1) | ((c & 0b10) << 7) | ((m & 0x0F80) << 2);
    }

    /** Splits a 14-bit type field (the caller has checked the two leading bits). */
    public static MessageType fromWire(int type) {
        int m = (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
        int c = ((type >> 4) & 0b01) | ((type >> 7) & 0b10);
        if (m == 0x001) {
            switch (c) {
                case 0b00: return BINDING_REQUEST;
                case 0b10: return BINDING_SUCCESS;
                case 0b11: return BINDING_ERROR;
                default: return BINDING_INDICATION;
            }
        }
        return new MessageType(StunMethod.of(m), StunClass.ofBits(c));
    }

    /** Display form, e.g. "Binding success response". */
    @Override
    public String toString() {
        return method.name() + " " + stunClass.label();
    }
}
