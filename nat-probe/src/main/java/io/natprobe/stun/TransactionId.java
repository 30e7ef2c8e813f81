package io.natprobe.stun;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * A STUN transaction id: 96 bits (RFC 8489), or 128 bits for a classic RFC 3489 message, where the
 * four bytes that are the magic cookie in RFC 8489 belong to the id.
 */
public final class TransactionId {
    public static final int LENGTH = 12;
    public static final int CLASSIC_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final int hash;

    private TransactionId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of 12 (RFC 8489) or 16 (RFC 3489) bytes. */
    public static TransactionId of(byte[] bytes) {
        if (bytes.length != LENGTH && bytes.length != CLASSIC_LENGTH) {
            throw new IllegalArgumentException("transaction id is " + bytes.length + " bytes (expected: 12 or 16)");
        }
        return new TransactionId(bytes.clone());
    }

    /** Takes ownership of {@code bytes} (12 or 16, checked by the caller): the decoder's copy-free path. */
    static TransactionId wrap(byte[] bytes) {
        return new TransactionId(bytes);
    }

    /** A fresh random 96-bit id (RFC 8489 §6: uniformly and randomly chosen, cryptographically random). */
    public static TransactionId random() {
        return random(RANDOM);
    }

    public static TransactionId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new TransactionId(b);
    }

    /** A fresh random 128-bit id for a classic RFC 3489 request (its first four bytes never the cookie). */
    public static TransactionId randomClassic() {
        byte[] b = new byte[CLASSIC_LENGTH];
        do {
            RANDOM.nextBytes(b);
        } while (b[0] == 0x21 && b[1] == 0x12 && (b[2] & 0xFF) == 0xA4 && b[3] == 0x42);
        return new TransactionId(b);
    }

    public static TransactionId fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** True for a 128-bit RFC 3489 id. */
    public boolean isClassic() {
        return bytes.length == CLASSIC_LENGTH;
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the id's bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte byteAt(int i) {
        return bytes[i];
    }

    void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId t && t.hash == hash && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
