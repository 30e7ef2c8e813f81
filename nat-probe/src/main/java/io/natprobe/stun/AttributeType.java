package io.natprobe.stun;

/**
 * A STUN attribute type: an open set (16 bits on the wire). Unknown codes are kept.
 * Types 0x0000-0x7FFF are comprehension-required, 0x8000-0xFFFF comprehension-optional (RFC 8489 §14).
 */
public record AttributeType(int code) {
    // RFC 8489 §18.3 and RFC 5780 §9.1; RFC 3489 §11.2 for the legacy ones.
    public static final AttributeType MAPPED_ADDRESS = new AttributeType(0x0001);
    public static final AttributeType RESPONSE_ADDRESS = new AttributeType(0x0002);
    public static final AttributeType CHANGE_REQUEST = new AttributeType(0x0003);
    public static final AttributeType SOURCE_ADDRESS = new AttributeType(0x0004);
    public static final AttributeType CHANGED_ADDRESS = new AttributeType(0x0005);
    public static final AttributeType USERNAME = new AttributeType(0x0006);
    public static final AttributeType MESSAGE_INTEGRITY = new AttributeType(0x0008);
    public static final AttributeType ERROR_CODE = new AttributeType(0x0009);
    public static final AttributeType UNKNOWN_ATTRIBUTES = new AttributeType(0x000A);
    public static final AttributeType REFLECTED_FROM = new AttributeType(0x000B);
    public static final AttributeType REALM = new AttributeType(0x0014);
    public static final AttributeType NONCE = new AttributeType(0x0015);
    public static final AttributeType MESSAGE_INTEGRITY_SHA256 = new AttributeType(0x001C);
    public static final AttributeType PASSWORD_ALGORITHM = new AttributeType(0x001D);
    public static final AttributeType USERHASH = new AttributeType(0x001E);
    public static final AttributeType XOR_MAPPED_ADDRESS = new AttributeType(0x0020);
    public static final AttributeType PADDING = new AttributeType(0x0026);
    public static final AttributeType RESPONSE_PORT = new AttributeType(0x0027);
    public static final AttributeType PASSWORD_ALGORITHMS = new AttributeType(0x8002);
    public static final AttributeType ALTERNATE_DOMAIN = new AttributeType(0x8003);
    public static final AttributeType SOFTWARE = new AttributeType(0x8022);
    public static final AttributeType ALTERNATE_SERVER = new AttributeType(0x8023);
    public static final AttributeType FINGERPRINT = new AttributeType(0x8028);
    public static final AttributeType RESPONSE_ORIGIN = new AttributeType(0x802B);
    public static final AttributeType OTHER_ADDRESS = new AttributeType(0x802C);

    public AttributeType {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("attribute type out of range (expected: 0..0xFFFF): " + code);
        }
    }

    public static AttributeType of(int code) {
        int c = code & 0xFFFF;
        // The common types come back as constants: decoding them then allocates nothing for the type.
        return switch (c) {
            case 0x0001 -> MAPPED_ADDRESS;
            case 0x0006 -> USERNAME;
            case 0x0008 -> MESSAGE_INTEGRITY;
            case 0x0009 -> ERROR_CODE;
            case 0x001C -> MESSAGE_INTEGRITY_SHA256;
            case 0x0020 -> XOR_MAPPED_ADDRESS;
            case 0x8022 -> SOFTWARE;
            case 0x8028 -> FINGERPRINT;
            case 0x802B -> RESPONSE_ORIGIN;
            case 0x802C -> OTHER_ADDRESS;
            default -> new AttributeType(c);
        };
    }

    /** RFC 8489 §14: 0x0000-0x7FFF must be understood, or the request is refused with 420. */
    public boolean isComprehensionRequired() {
        return (code & 0x8000) == 0;
    }

    /** True when natprobe's codec decodes this type into a typed value. */
    public boolean isKnown() {
        return knownName(code) != null;
    }

    /** The RFC name, e.g. "XOR-MAPPED-ADDRESS", or "0x8055" for an unknown type. */
    public String name() {
        String known = knownName(code);
        return known != null ? known : String.format("0x%04X", code);
    }

    /** The RFC name, or null for a type the codec does not interpret (no formatting on the decode path). */
    static String knownName(int code) {
        return switch (code) {
            case 0x0001 -> "MAPPED-ADDRESS";
            case 0x0002 -> "RESPONSE-ADDRESS";
            case 0x0003 -> "CHANGE-REQUEST";
            case 0x0004 -> "SOURCE-ADDRESS";
            case 0x0005 -> "CHANGED-ADDRESS";
            case 0x0006 -> "USERNAME";
            case 0x0008 -> "MESSAGE-INTEGRITY";
            case 0x0009 -> "ERROR-CODE";
            case 0x000A -> "UNKNOWN-ATTRIBUTES";
            case 0x000B -> "REFLECTED-FROM";
            case 0x0014 -> "REALM";
            case 0x0015 -> "NONCE";
            case 0x001C -> "MESSAGE-INTEGRITY-SHA256";
            case 0x001D -> "PASSWORD-ALGORITHM";
            case 0x001E -> "USERHASH";
            case 0x0020 -> "XOR-MAPPED-ADDRESS";
            case 0x0026 -> "PADDING";
            case 0x0027 -> "RESPONSE-PORT";
            case 0x8002 -> "PASSWORD-ALGORITHMS";
            case 0x8003 -> "ALTERNATE-DOMAIN";
            case 0x8022 -> "SOFTWARE";
            case 0x8023 -> "ALTERNATE-SERVER";
            case 0x8028 -> "FINGERPRINT";
            case 0x802B -> "RESPONSE-ORIGIN";
            case 0x802C -> "OTHER-ADDRESS";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
