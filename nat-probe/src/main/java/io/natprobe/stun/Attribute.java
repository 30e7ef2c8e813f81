package io.natprobe.stun;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One STUN attribute as a typed value. Each record both encodes and decodes (see {@link AttributeCodec}).
 * Address attributes hold the real transport address: XOR-MAPPED-ADDRESS is de-obfuscated at decode time.
 */
public sealed interface Attribute {

    AttributeType type();

    /** An attribute whose value is a transport address (family, port, address). */
    sealed interface AddressAttribute extends Attribute {
        InetSocketAddress address();
    }

    /** An attribute whose value is UTF-8 text. */
    sealed interface TextAttribute extends Attribute {
        String text();
    }

    record MappedAddress(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.MAPPED_ADDRESS; }
    }

    /** RFC 8489 §14.2; {@code address} is the real address (already XORed back). */
    record XorMappedAddress(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.XOR_MAPPED_ADDRESS; }
    }

    record AlternateServer(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.ALTERNATE_SERVER; }
    }

    /** RFC 5780 §7.3: the address and port the response was sent from. */
    record ResponseOrigin(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.RESPONSE_ORIGIN; }
    }

    /** RFC 5780 §7.4: the server's address with both IP and port changed. */
    record OtherAddress(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.OTHER_ADDRESS; }
    }

    /** RFC 3489 §11.2.3: the legacy predecessor of OTHER-ADDRESS. */
    record ChangedAddress(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.CHANGED_ADDRESS; }
    }

    /** RFC 3489 §11.2.5: the legacy predecessor of RESPONSE-ORIGIN. */
    record SourceAddress(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.SOURCE_ADDRESS; }
    }

    /** RFC 3489 §11.2.2: decoded so our server can refuse it (it is an amplification vector). */
    record ResponseAddress(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.RESPONSE_ADDRESS; }
    }

    /** RFC 3489 §11.2.11. */
    record ReflectedFrom(InetSocketAddress address) implements AddressAttribute {
        public AttributeType type() { return AttributeType.REFLECTED_FROM; }
    }

    record Username(String text) implements TextAttribute {
        public AttributeType type() { return AttributeType.USERNAME; }
    }

    record Realm(String text) implements TextAttribute {
        public AttributeType type() { return AttributeType.REALM; }
    }

    record Nonce(String text) implements TextAttribute {
        public AttributeType type() { return AttributeType.NONCE; }
    }

    record Software(String text) implements TextAttribute {
        public AttributeType type() { return AttributeType.SOFTWARE; }
    }

    /** RFC 8489 §14.4: SHA-256 of the username and realm, 32 bytes. */
    record UserHash(byte[] hash) implements Attribute {
        public UserHash {
            if (hash.length != 32) throw new IllegalArgumentException("USERHASH is " + hash.length + " bytes (expected: 32)");
            hash = hash.clone();
        }
        public byte[] hash() { return hash.clone(); }
        public AttributeType type() { return AttributeType.USERHASH; }
        @Override public boolean equals(Object o) { return o instanceof UserHash u && Arrays.equals(u.hash, hash); }
        @Override public int hashCode() { return Arrays.hashCode(hash); }
        @Override public String toString() { return "UserHash[" + HexFormat.of().formatHex(hash) + "]"; }
    }

    /** RFC 8489 §14.5: HMAC-SHA1, 20 bytes. Computed by the encoder from credentials. */
    record MessageIntegrity(byte[] hmac) implements Attribute {
        public MessageIntegrity {
            if (hmac.length != 20) throw new IllegalArgumentException("MESSAGE-INTEGRITY is " + hmac.length + " bytes (expected: 20)");
            hmac = hmac.clone();
        }
        public byte[] hmac() { return hmac.clone(); }
        public AttributeType type() { return AttributeType.MESSAGE_INTEGRITY; }
        @Override public boolean equals(Object o) { return o instanceof MessageIntegrity m && Arrays.equals(m.hmac, hmac); }
        @Override public int hashCode() { return Arrays.hashCode(hmac); }
        @Override public String toString() { return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]"; }
    }

    /** RFC 8489 §14.6: HMAC-SHA256, possibly truncated to 16..32 bytes in multiples of 4. */
    record MessageIntegritySha256(byte[] hmac) implements Attribute {
        public MessageIntegritySha256 {
            if (hmac.length < 16 || hmac.length > 32 || hmac.length % 4 != 0) {
                throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 is " + hmac.length
                        + " bytes (expected: 16..32, a multiple of 4)");
            }
            hmac = hmac.clone();
        }
        public byte[] hmac() { return hmac.clone(); }
        public AttributeType type() { return AttributeType.MESSAGE_INTEGRITY_SHA256; }
        @Override public boolean equals(Object o) { return o instanceof MessageIntegritySha256 m && Arrays.equals(m.hmac, hmac); }
        @Override public int hashCode() { return Arrays.hashCode(hmac); }
        @Override public String toString() { return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]"; }
    }

    /** RFC 8489 §14.7: CRC-32 of the message before it, XOR 0x5354554E. */
    record Fingerprint(int crc) implements Attribute {
        public AttributeType type() { return AttributeType.FINGERPRINT; }
    }

    /** RFC 8489 §14.8: code 300..699 and a reason phrase. */
    record ErrorCode(int code, String reason) implements Attribute {
        public static final int TRY_ALTERNATE = 300;
        public static final int BAD_REQUEST = 400;
        public static final int UNAUTHENTICATED = 401;
        public static final int FORBIDDEN = 403;
        public static final int UNKNOWN_ATTRIBUTE = 420;
        public static final int STALE_NONCE = 438;
        public static final int SERVER_ERROR = 500;

        public ErrorCode {
            if (code < 300 || code > 699) throw new IllegalArgumentException("error code out of range (expected: 300..699): " + code);
            if (reason == null) throw new IllegalArgumentException("reason is required");
        }
        public AttributeType type() { return AttributeType.ERROR_CODE; }
    }

    /** RFC 8489 §14.9: the comprehension-required types the server did not understand. */
    record UnknownAttributes(List<Integer> types) implements Attribute {
        public UnknownAttributes {
            types = List.copyOf(types);
        }
        public AttributeType type() { return AttributeType.UNKNOWN_ATTRIBUTES; }
    }

    /** RFC 8489 §14.11/14.12: algorithm 0x0001 MD5, 0x0002 SHA-256, with parameters. */
    record PasswordAlgorithm(int algorithm, byte[] parameters) implements Attribute {
        public static final int MD5 = 0x0001;
        public static final int SHA256 = 0x0002;

        public PasswordAlgorithm {
            if (algorithm < 0 || algorithm > 0xFFFF) throw new IllegalArgumentException("algorithm out of range: " + algorithm);
            parameters = parameters.clone();
        }
        public PasswordAlgorithm(int algorithm) { this(algorithm, new byte[0]); }
        public byte[] parameters() { return parameters.clone(); }
        public AttributeType type() { return AttributeType.PASSWORD_ALGORITHM; }
        public String algorithmName() {
            return algorithm == MD5 ? "MD5" : algorithm == SHA256 ? "SHA-256" : String.format("0x%04X", algorithm);
        }
        @Override public boolean equals(Object o) {
            return o instanceof PasswordAlgorithm p && p.algorithm == algorithm && Arrays.equals(p.parameters, parameters);
        }
        @Override public int hashCode() { return 31 * algorithm + Arrays.hashCode(parameters); }
        @Override public String toString() { return "PasswordAlgorithm[" + algorithmName() + "]"; }
    }

    /** RFC 8489 §14.11: the list of algorithms a server offers. */
    record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements Attribute {
        public PasswordAlgorithms {
            algorithms = List.copyOf(algorithms);
        }
        public AttributeType type() { return AttributeType.PASSWORD_ALGORITHMS; }
    }

    /** RFC 5780 §7.2: ask the server to answer from the other IP and/or port. */
    record ChangeRequest(boolean changeIp, boolean changePort) implements Attribute {
        public AttributeType type() { return AttributeType.CHANGE_REQUEST; }
    }

    /**
     * RFC 5780 §7.5: the port to send the response to. {@code valueLength} is 2 (the RFC's drawing:
     * port, then 2 bytes of attribute padding) or 4 (as coturn's client writes it); both are accepted.
     */
    record ResponsePort(int port, int valueLength) implements Attribute {
        public ResponsePort {
            if (port < 0 || port > 0xFFFF) throw new IllegalArgumentException("port out of range: " + port);
            if (valueLength != 2 && valueLength != 4) {
                throw new IllegalArgumentException("RESPONSE-PORT value length is " + valueLength + " (expected: 2 or 4)");
            }
        }
        public ResponsePort(int port) { this(port, 2); }
        public AttributeType type() { return AttributeType.RESPONSE_PORT; }
    }

    /** RFC 5780 §7.6: padding of the given length; its content is ignored (zero on send). */
    record Padding(int length) implements Attribute {
        public Padding {
            if (length < 0 || length > 0xFFFF) throw new IllegalArgumentException("padding length out of range: " + length);
        }
        public AttributeType type() { return AttributeType.PADDING; }
    }

    /** An attribute the codec does not interpret (unknown, or private to a layer above such as rendezvous): kept with its raw value bytes. */
    record Raw(AttributeType type, byte[] value) implements Attribute {
        public Raw {
            if (value.length > 0xFFFF) throw new IllegalArgumentException("value too long: " + value.length);
            value = value.clone();
        }
        public byte[] value() { return value.clone(); }
        /** Length without copying. */
        public int length() { return value.length; }
        @Override public boolean equals(Object o) { return o instanceof Raw u && u.type.equals(type) && Arrays.equals(u.value, value); }
        @Override public int hashCode() { return 31 * type.hashCode() + Arrays.hashCode(value); }
        @Override public String toString() { return "Raw[" + type + "=" + HexFormat.of().formatHex(value) + "]"; }
    }
}
