package io.natprobe.decode;

import io.natprobe.stun.AttributeType;

/**
 * Display names: the codec's own types, plus ICE (RFC 8445) and TURN (RFC 8656) types that the codec
 * keeps raw but a support engineer will meet in captures.
 */
final class AttributeNames {
    private AttributeNames() {}

    static String name(int code) {
        AttributeType t = AttributeType.of(code);
        if (t.isKnown()) {
            return t.name();
        }
        return switch (code) {
            case 0x000C -> "CHANNEL-NUMBER";
            case 0x000D -> "LIFETIME";
            case 0x0012 -> "XOR-PEER-ADDRESS";
            case 0x0013 -> "DATA";
            case 0x0016 -> "XOR-RELAYED-ADDRESS";
            case 0x0017 -> "REQUESTED-ADDRESS-FAMILY";
            case 0x0018 -> "EVEN-PORT";
            case 0x0019 -> "REQUESTED-TRANSPORT";
            case 0x001A -> "DONT-FRAGMENT";
            case 0x001B -> "ACCESS-TOKEN";
            case 0x0022 -> "RESERVATION-TOKEN";
            case 0x0024 -> "PRIORITY";
            case 0x0025 -> "USE-CANDIDATE";
            case 0x8000 -> "ADDITIONAL-ADDRESS-FAMILY";
            case 0x8001 -> "ADDRESS-ERROR-CODE";
            case 0x8004 -> "ICMP";
            case 0x8029 -> "ICE-CONTROLLED";
            case 0x802A -> "ICE-CONTROLLING";
            case 0x802F -> "ORIGIN";
            default -> "unknown";
        };
    }

    /** RFC 8489 §14.8 and RFC 8656 §18 reason meanings, for the error codes a support engineer sees. */
    static String errorMeaning(int code) {
        return switch (code) {
            case 300 -> "Try Alternate: use the server in ALTERNATE-SERVER";
            case 400 -> "Bad Request: the server found the request malformed";
            case 401 -> "Unauthenticated: credentials missing or wrong";
            case 403 -> "Forbidden: the credentials are valid but not allowed this";
            case 420 -> "Unknown Attribute: the server did not understand a comprehension-required attribute";
            case 437 -> "Allocation Mismatch (TURN)";
            case 438 -> "Stale Nonce: retry with the NONCE from this response";
            case 440 -> "Address Family not Supported (TURN)";
            case 441 -> "Wrong Credentials (TURN)";
            case 442 -> "Unsupported Transport Protocol (TURN)";
            case 443 -> "Peer Address Family Mismatch (TURN)";
            case 486 -> "Allocation Quota Reached (TURN)";
            case 487 -> "Role Conflict (ICE)";
            case 500 -> "Server Error: a temporary problem on the server";
            case 508 -> "Insufficient Capacity (TURN)";
            default -> "class " + code / 100 + (code / 100 == 4 ? " (the request was wrong)"
                    : code / 100 == 5 ? " (the server failed)" : code / 100 == 3 ? " (try elsewhere)" : "");
        };
    }
}
