package io.natprobe.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies FINGERPRINT and MESSAGE-INTEGRITY(-SHA256) of a raw datagram (RFC 8489 §14.5-14.7).
 * Works on the bytes because the HMAC covers them with an adjusted length field.
 */
public final class StunIntegrity {

    /** Outcome of a check. */
    public enum Verdict { VALID, INVALID, ABSENT }

    private StunIntegrity() {}

    /**
     * Checks FINGERPRINT, which RFC 8489 §14.7 requires to be the last attribute. The datagram must
     * have passed {@link StunCodec#decode}. Walks the attributes rather than peeking at the last 8
     * bytes, so that an unknown attribute whose value merely ends like a FINGERPRINT is not mistaken
     * for one.
     */
    public static Verdict checkFingerprint(byte[] d, int off, int len) {
        int p = StunCodec.HEADER_LENGTH;
        int last = -1;
        while (p + 4 <= len) {
            last = p;
            p += 4 + ((AttributeCodec.uint16(d, off + p + 2) + 3) & ~3);
        }
        if (last < 0 || p != len || AttributeCodec.uint16(d, off + last) != AttributeType.FINGERPRINT.code()
                || AttributeCodec.uint16(d, off + last + 2) != 4) {
            return Verdict.ABSENT;
        }
        return AttributeCodec.int32(d, off + last + 4) == StunCodec.fingerprint(d, off, last)
                ? Verdict.VALID : Verdict.INVALID;
    }

    public static Verdict checkFingerprint(byte[] d) {
        return checkFingerprint(d, 0, d.length);
    }

    /**
     * Checks the integrity attribute that matches {@code credentials.integrity()}: MESSAGE-INTEGRITY
     * for SHA1, MESSAGE-INTEGRITY-SHA256 for SHA256. The datagram must have passed {@link StunCodec#decode}.
     */
    public static Verdict checkIntegrity(byte[] d, int off, int len, Credentials credentials) {
        int wanted = credentials.integrity() == Credentials.Integrity.SHA1
                ? AttributeType.MESSAGE_INTEGRITY.code() : AttributeType.MESSAGE_INTEGRITY_SHA256.code();
        int p = StunCodec.HEADER_LENGTH;
        while (p + 4 <= len) {
            int type = AttributeCodec.uint16(d, off + p);
            int vlen = AttributeCodec.uint16(d, off + p + 2);
            if (p + 4 + vlen > len) {
                return Verdict.ABSENT;
            }
            if (type == wanted) {
                byte[] copy = new byte[p];
                System.arraycopy(d, off, copy, 0, p);
                AttributeCodec.putUint16(copy, 2, p - StunCodec.HEADER_LENGTH + 4 + vlen);
                byte[] mac = hmac(credentials, copy, 0, p);
                byte[] got = new byte[vlen];
                System.arraycopy(d, off + p + 4, got, 0, vlen);
                if (vlen > mac.length) {
                    return Verdict.INVALID;
                }
                byte[] expected = new byte[vlen];
                System.arraycopy(mac, 0, expected, 0, vlen); // MI-SHA256 may be truncated (§14.6)
                return MessageDigest.isEqual(expected, got) ? Verdict.VALID : Verdict.INVALID;
            }
            // RFC 8489 §14.6: everything after MESSAGE-INTEGRITY-SHA256 except FINGERPRINT is ignored,
            // so a MESSAGE-INTEGRITY behind it does not count.
            if (type == AttributeType.FINGERPRINT.code() || type == AttributeType.MESSAGE_INTEGRITY_SHA256.code()) {
                break;
            }
            p += 4 + ((vlen + 3) & ~3);
        }
        return Verdict.ABSENT;
    }

    public static Verdict checkIntegrity(byte[] d, Credentials credentials) {
        return checkIntegrity(d, 0, d.length, credentials);
    }

    /** HMAC over {@code d[off..off+len)} with the credentials' key and algorithm. */
    static byte[] hmac(Credentials credentials, byte[] d, int off, int len) {
        String alg = credentials.integrity() == Credentials.Integrity.SHA1 ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(alg);
            byte[] key = credentials.keyNoCopy();
            // An empty key is legal in STUN (empty password); SecretKeySpec refuses it, so use one zero byte,
            // which HMAC treats identically (keys are zero-padded to the block size).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, alg));
            mac.update(d, off, len);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }
}
