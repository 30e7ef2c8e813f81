package io.natprobe.decode;

import io.natprobe.stun.StunMessage;

/** The human-readable tree {@code natprobe decode} prints. One fixed format, pinned by tests. */
public final class DecodeTextRenderer {
    private DecodeTextRenderer() {}

    public static String render(PacketAnalysis a) {
        StunMessage m = a.message();
        StringBuilder sb = new StringBuilder();
        sb.append("STUN ").append(m.method().name()).append(' ').append(m.stunClass().label())
                .append(", ").append(a.length()).append(" bytes\n");
        line(sb, "class", m.stunClass().label());
        line(sb, "method", m.method().name() + String.format(" (0x%03X)", m.method().code()));
        line(sb, "transaction id", m.transactionId().toHex()
                + (m.isClassic() ? "  (classic RFC 3489: no magic cookie, 128-bit id)" : ""));
        line(sb, "attributes", a.attributes().isEmpty() ? "none" : a.attributes().size() + " (offset, type, name, comprehension, meaning)");
        int nameWidth = 4;
        for (AttributeEntry e : a.attributes()) {
            nameWidth = Math.max(nameWidth, AttributeNames.name(e.typeCode()).length());
        }
        for (AttributeEntry e : a.attributes()) {
            sb.append(String.format("    %-5d 0x%04X  %-" + nameWidth + "s  %-8s  %s%n", e.offset(), e.typeCode(),
                    AttributeNames.name(e.typeCode()), e.comprehensionRequired() ? "required" : "optional",
                    AttributeValues.text(e)));
        }
        line(sb, "fingerprint", switch (a.fingerprint()) {
            case VALID -> "valid (CRC-32 matches)";
            case INVALID -> "INVALID: the CRC-32 does not match, so the bytes were changed or damaged";
            case ABSENT -> "absent (the message carries no FINGERPRINT)";
            case UNCHECKED -> "unchecked";
        });
        line(sb, "integrity", integrity(a));
        return sb.toString().replace("\r", "");
    }

    private static String integrity(PacketAnalysis a) {
        String detail = "MESSAGE-INTEGRITY " + a.messageIntegrity().json()
                + ", MESSAGE-INTEGRITY-SHA256 " + a.messageIntegritySha256().json();
        String key = a.keyDescription() == null ? "" : "; " + a.keyDescription();
        return switch (a.integrity()) {
            case VALID -> "valid (" + detail + key + ")";
            case INVALID -> "INVALID (" + detail + key + "): wrong password, username or realm, or the bytes were changed";
            case ABSENT -> "absent (the message carries neither MESSAGE-INTEGRITY nor MESSAGE-INTEGRITY-SHA256)";
            case UNCHECKED -> "unchecked (" + detail + "; give --password P for a short-term key, or --username U"
                    + " --realm R --password P for a long-term key)";
        };
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("  %-15s %s%n", label, value));
    }
}
