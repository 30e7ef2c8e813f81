package io.natprobe.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key for MESSAGE-INTEGRITY (HMAC-SHA1) or MESSAGE-INTEGRITY-SHA256 (RFC 8489 §9).
 * Short-term: the key is the password. Long-term: MD5 or SHA-256 of "username:realm:password".
 * Passwords are used as given: RFC 8489 asks for OpaqueString (PRECIS) preparation, which is the
 * identity for the ASCII passwords natprobe generates; the caller prepares others.
 */
public final class Credentials {

    /** Which integrity attribute to add when encoding. */
    public enum Integrity { SHA1, SHA256 }

    private final byte[] key;
    private final Integrity integrity;
    private final String username;
    /**
     * A Mac already keyed with {@link #key}, never used itself: each HMAC works on a clone, which skips
     * the provider lookup and the key schedule (most of the cost for a short STUN message).
     * Cloning only reads it, so one Credentials may be shared between threads.
     */
    private final Mac keyedPrototype;

    private Credentials(byte[] key, Integrity integrity, String username) {
        this.key = key;
        this.integrity = integrity;
        this.username = username;
        this.keyedPrototype = newKeyedMac(key, integrity);
    }

    private static Mac newKeyedMac(byte[] key, Integrity integrity) {
        String alg = integrity == Integrity.SHA1 ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(alg);
            // An empty key is legal in STUN (empty password); SecretKeySpec refuses it, so use one zero byte,
            // which HMAC treats identically (keys are zero-padded to the block size).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, alg));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }

    /** A fresh Mac keyed for these credentials (RFC 8489 §14.5/§14.6). */
    Mac newMac() {
        try {
            return (Mac) keyedPrototype.clone();
        } catch (CloneNotSupportedException e) {
            return newKeyedMac(key, integrity); // a provider whose Mac cannot be cloned
        }
    }

    /** RFC 8489 §9.1.1: key = password. */
    public static Credentials shortTerm(String password, Integrity integrity) {
        return new Credentials(password.getBytes(StandardCharsets.UTF_8), integrity, null);
    }

    /** RFC 8489 §9.2.2: key = MD5(username ":" realm ":" password) (algorithm MD5) or SHA-256 of the same. */
    public static Credentials longTerm(String username, String realm, String password, int passwordAlgorithm,
                                       Integrity integrity) {
        String digest = switch (passwordAlgorithm) {
            case Attribute.PasswordAlgorithm.MD5 -> "MD5";
            case Attribute.PasswordAlgorithm.SHA256 -> "SHA-256";
            default -> throw new IllegalArgumentException("unsupported password algorithm: " + passwordAlgorithm);
        };
        try {
            byte[] k = MessageDigest.getInstance(digest)
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new Credentials(k, integrity, username);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " missing from the JDK", e);
        }
    }

    /** Raw key bytes (e.g. from a key derivation elsewhere). */
    public static Credentials ofKey(byte[] key, Integrity integrity) {
        return new Credentials(key.clone(), integrity, null);
    }

    public byte[] key() {
        return key.clone();
    }

    byte[] keyNoCopy() {
        return key;
    }

    public Integrity integrity() {
        return integrity;
    }

    public String username() {
        return username;
    }

    @Override
    public String toString() {
        return "Credentials[" + integrity + ", key=" + key.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.integrity == integrity && Arrays.equals(c.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + integrity.hashCode();
    }
}
