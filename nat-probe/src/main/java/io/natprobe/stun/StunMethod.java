package io.natprobe.stun;

/**
 * A STUN method: an open set (12 bits on the wire), so unknown methods are kept rather than rejected.
 * natprobe's rendezvous uses its own methods from the range RFC 8489 §18.2 leaves to
 * "Expert Review" (0x800-0xFFF); natprobe uses 0xE01-0xE05, documented in docs/protocol.md.
 */
public record StunMethod(int code) {
    public static final StunMethod BINDING = new StunMethod(0x001);

    public StunMethod {
        if (code < 0 || code > 0xFFF) {
            throw new IllegalArgumentException("method out of range (expected: 0..0xFFF): " + code);
        }
    }

    public static StunMethod of(int code) {
        return code == 0x001 ? BINDING : new StunMethod(code);
    }

    /** Name for display: "Binding", a known rendezvous method, or "0x0ABC". */
    public String name() {
        return switch (code) {
            case 0x001 -> "Binding";
            case 0x003 -> "Allocate";
            case 0x004 -> "Refresh";
            case 0x006 -> "Send";
            case 0x007 -> "Data";
            case 0x008 -> "CreatePermission";
            case 0x009 -> "ChannelBind";
            default -> String.format("0x%03X", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
