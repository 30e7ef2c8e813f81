package io.natprobe.stun;

import java.util.HexFormat;

/** Builds raw STUN bytes by hand for tests that need wire forms the encoder would never produce. */
final class Wire {
    static final String COOKIE = "2112a442";
    static final String ID = "0102030405060708090a0b0c";

    private Wire() {}

    /** An attribute TLV: type, the value's real length, the value, and zero padding. */
    static String attr(int type, String valueHex) {
        int len = valueHex.length() / 2;
        return String.format("%04x%04x", type, len) + valueHex + "00".repeat((4 - len % 4) % 4);
    }

    /** An attribute TLV with a length field that disagrees with the value given. */
    static String attrWithLength(int type, int lengthField, String valueHex) {
        return String.format("%04x%04x", type, lengthField) + valueHex;
    }

    /** An RFC 8489 message of the given type whose length field is right for the attributes. */
    static byte[] message(int type, String... attrs) {
        String body = String.join("", attrs);
        return HexFormat.of().parseHex(String.format("%04x%04x", type, body.length() / 2) + COOKIE + ID + body);
    }

    /** A Binding request carrying the attributes. */
    static byte[] request(String... attrs) {
        return message(0x0001, attrs);
    }

    static String repeat(String byteHex, int n) {
        return byteHex.repeat(n);
    }
}
