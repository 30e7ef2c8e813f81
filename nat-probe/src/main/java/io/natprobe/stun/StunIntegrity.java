package io.natprobe.stun;

import javax.crypto.Mac;

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
                // RFC 8489 §14.5/14.6: the HMAC covers the message up to the attribute, with the length
                // field set as if the attribute were the last one. Fed piecewise: no copy of the message.
                Mac mac = credentials.newMac();
                int adjusted = p - StunCodec.HEADER_LENGTH + 4 + vlen;
                mac.update(d, off, 2);
                mac.update((byte) (adjusted >>> 8));
                mac.update((byte) adjusted);
                mac.update(d, off + 4, p - 4);
                byte[] expected = mac.doFinal();
                if (vlen > expected.length) {
                    return Verdict.INVALID;
                }
                int diff = 0; // constant time over the compared bytes; MI-SHA256 may be truncated (§14.6)
                for (int i = 0; i < vlen; i++) {
                    diff |= expected[i] ^ d[off + p + 4 + i];
                }
                return diff == 0 ? Verdict.VALID : Verdict.INVALID;
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
        Mac mac = credentials.newMac();
        mac.update(d, off, len);
        return mac.doFinal();
    }
}
