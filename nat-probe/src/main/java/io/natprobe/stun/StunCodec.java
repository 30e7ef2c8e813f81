package io.natprobe.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Bytes to {@link StunMessage} and back (RFC 8489 §5, §14). Pure functions: no sockets, clock or logger.
 *
 * <p>Decoding checks the header (leading bits, length a multiple of 4 and equal to the datagram) and
 * every attribute's length before reading it; anything wrong raises {@link StunParseException} and
 * nothing else. A message without the magic cookie is a classic RFC 3489 message with a 128-bit
 * transaction id. FINGERPRINT and MESSAGE-INTEGRITY values are decoded but not verified here: see
 * {@link StunIntegrity}.
 */
public final class StunCodec {
    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    static final int FINGERPRINT_XOR = 0x5354554E;

    private StunCodec() {}

    public static StunMessage decode(ByteBuffer buffer) throws StunParseException {
        if (buffer.hasArray()) {
            return decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return decode(copy, 0, copy.length);
    }

    public static StunMessage decode(byte[] datagram) throws StunParseException {
        return decode(datagram, 0, datagram.length);
    }

    /** Decodes the datagram {@code d[off..off+len)}. Error offsets are relative to {@code off}. */
    public static StunMessage decode(byte[] d, int off, int len) throws StunParseException {
        checkHeader(d, off, len);
        boolean classic = AttributeCodec.int32(d, off + 4) != MAGIC_COOKIE;
        int typeField = AttributeCodec.uint16(d, off);
        if (classic && !isClassicType(typeField)) {
            // RFC 3489 §11.1 defines only Binding and Shared Secret requests and responses; anything
            // else without the cookie is not STUN of either generation (RFC 8489 §6: cookie check).
            throw new StunParseException("magic cookie", 4, String.format("0x%08X (expected: 0x2112A442;"
                    + " without it only the RFC 3489 Binding/Shared Secret types are valid, not 0x%04X)",
                    AttributeCodec.int32(d, off + 4), typeField));
        }
        byte[] id = new byte[classic ? TransactionId.CLASSIC_LENGTH : TransactionId.LENGTH];
        System.arraycopy(d, off + (classic ? 4 : 8), id, 0, id.length);
        List<Attribute> attributes = decodeAttributes(d, off, len);
        return new StunMessage(MessageType.fromWire(typeField), TransactionId.wrap(id), attributes);
    }

    private static boolean isClassicType(int type) {
        return switch (type) {
            case 0x0001, 0x0101, 0x0111, 0x0002, 0x0102, 0x0112 -> true;
            default -> false;
        };
    }

    /**
     * True when the datagram looks like STUN at a glance (RFC 7983 demultiplexing plus the cookie):
     * cheap enough to run before {@link #decode} on every packet of a shared socket.
     */
    public static boolean looksLikeStun(byte[] d, int off, int len) {
        return len >= HEADER_LENGTH && (d[off] & 0xC0) == 0 && AttributeCodec.int32(d, off + 4) == MAGIC_COOKIE
                && AttributeCodec.uint16(d, off + 2) == len - HEADER_LENGTH;
    }

    static void checkHeader(byte[] d, int off, int len) throws StunParseException {
        if (len < HEADER_LENGTH) {
            throw new StunParseException("header", 0, "incomplete header: " + len + " bytes (expected: 20+ bytes)");
        }
        int first = d[off] & 0xFF;
        if ((first & 0xC0) != 0) {
            throw new StunParseException("message type", 0, "first two bits are 0b"
                    + Integer.toBinaryString(first >> 6 | 0b100).substring(1) + " (expected: 0b00)");
        }
        int length = AttributeCodec.uint16(d, off + 2);
        if (length % 4 != 0) {
            throw new StunParseException("message length", 2, "length field is " + length
                    + " (expected: a multiple of 4)");
        }
        if (length != len - HEADER_LENGTH) {
            throw new StunParseException("message length", 2, "length field is " + length
                    + " but the datagram holds " + (len - HEADER_LENGTH) + " bytes after the header");
        }
    }

    private static List<Attribute> decodeAttributes(byte[] d, int off, int len) throws StunParseException {
        List<Attribute> out = new ArrayList<>(8);
        int p = HEADER_LENGTH;
        // RFC 8489 §14.5-14.7: after MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT
        // count; after MESSAGE-INTEGRITY-SHA256 only FINGERPRINT; FINGERPRINT is last.
        boolean afterIntegrity = false;
        boolean afterSha256 = false;
        int fingerprintAt = -1;
        long seen = 0; // bit per known type index, to refuse duplicates of known attributes
        while (p < len) {
            if (len - p < 4) {
                throw new StunParseException("attribute header", p, "truncated: " + (len - p)
                        + " bytes (expected: 4)");
            }
            AttributeType type = AttributeType.of(AttributeCodec.uint16(d, off + p));
            int vlen = AttributeCodec.uint16(d, off + p + 2);
            int padded = (vlen + 3) & ~3;
            if (p + 4 + padded > len) {
                throw new StunParseException(type.name(), p, "value of " + vlen + " bytes (" + padded
                        + " with padding) overruns the message: " + (len - p - 4) + " bytes left");
            }
            if (fingerprintAt >= 0) {
                throw new StunParseException("FINGERPRINT", fingerprintAt,
                        "not the last attribute: " + type.name() + " follows at byte " + p);
            }
            int code = type.code();
            boolean isSha256 = code == AttributeType.MESSAGE_INTEGRITY_SHA256.code();
            boolean isFingerprint = code == AttributeType.FINGERPRINT.code();
            boolean ignored = (afterSha256 && !isFingerprint) || (afterIntegrity && !isSha256 && !isFingerprint);
            if (!ignored) {
                int bit = knownIndex(code);
                if (bit >= 0) {
                    if ((seen & (1L << bit)) != 0) {
                        throw new StunParseException(type.name(), p, "duplicate attribute (only one is allowed)");
                    }
                    seen |= 1L << bit;
                }
                out.add(AttributeCodec.decode(type, d, off + p + 4, vlen, p, off));
                if (code == AttributeType.MESSAGE_INTEGRITY.code()) {
                    afterIntegrity = true;
                } else if (isSha256) {
                    afterSha256 = true;
                } else if (isFingerprint) {
                    fingerprintAt = p;
                }
            }
            p += 4 + padded;
        }
        return out;
    }

    private static int knownIndex(int code) {
        return switch (code) {
            case 0x0001 -> 0; case 0x0002 -> 1; case 0x0003 -> 2; case 0x0004 -> 3; case 0x0005 -> 4;
            case 0x0006 -> 5; case 0x0008 -> 6; case 0x0009 -> 7; case 0x000A -> 8; case 0x000B -> 9;
            case 0x0014 -> 10; case 0x0015 -> 11; case 0x001C -> 12; case 0x001D -> 13; case 0x001E -> 14;
            case 0x0020 -> 15; case 0x0026 -> 16; case 0x0027 -> 17; case 0x8002 -> 18; case 0x8022 -> 19;
            case 0x8023 -> 20; case 0x8028 -> 21; case 0x802B -> 22; case 0x802C -> 23;
            default -> -1;
        };
    }

    /** Encodes the message as it is (its attributes in order, including any integrity/fingerprint records). */
    public static byte[] encode(StunMessage m) {
        return encode(m, null, false);
    }

    /** Encodes the message and appends FINGERPRINT (RFC 8489 §14.7). */
    public static byte[] encodeWithFingerprint(StunMessage m) {
        return encode(m, null, true);
    }

    /**
     * Encodes the message, then appends MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256 computed with
     * {@code credentials} (when not null), then FINGERPRINT (when asked).
     */
    public static byte[] encode(StunMessage m, Credentials credentials, boolean fingerprint) {
        boolean classic = m.isClassic();
        int body = 0;
        for (Attribute a : m.attributes()) {
            int vlen = AttributeCodec.valueLength(a);
            if (vlen > 0xFFFF) {
                throw new IllegalArgumentException(a.type().name() + " value too long: " + vlen + " bytes");
            }
            body += 4 + ((vlen + 3) & ~3);
        }
        int integrityLength = credentials == null ? 0
                : credentials.integrity() == Credentials.Integrity.SHA1 ? 20 : 32;
        int total = HEADER_LENGTH + body + (integrityLength > 0 ? 4 + integrityLength : 0) + (fingerprint ? 8 : 0);
        if (total - HEADER_LENGTH > 0xFFFF) {
            throw new IllegalArgumentException("message too long: " + total + " bytes");
        }
        byte[] out = new byte[total];
        AttributeCodec.putUint16(out, 0, m.type().toWire());
        AttributeCodec.putUint16(out, 2, body);
        if (classic) {
            m.transactionId().copyTo(out, 4);
        } else {
            AttributeCodec.putInt32(out, 4, MAGIC_COOKIE);
            m.transactionId().copyTo(out, 8);
        }
        int p = HEADER_LENGTH;
        for (Attribute a : m.attributes()) {
            int vlen = AttributeCodec.valueLength(a);
            AttributeCodec.putUint16(out, p, a.type().code());
            AttributeCodec.putUint16(out, p + 2, vlen);
            AttributeCodec.encodeValue(a, out, p + 4);
            p += 4 + ((vlen + 3) & ~3);
        }
        if (integrityLength > 0) {
            AttributeCodec.putUint16(out, 2, p - HEADER_LENGTH + 4 + integrityLength);
            byte[] mac = StunIntegrity.hmac(credentials, out, 0, p);
            AttributeCodec.putUint16(out, p, credentials.integrity() == Credentials.Integrity.SHA1
                    ? AttributeType.MESSAGE_INTEGRITY.code() : AttributeType.MESSAGE_INTEGRITY_SHA256.code());
            AttributeCodec.putUint16(out, p + 2, integrityLength);
            System.arraycopy(mac, 0, out, p + 4, integrityLength);
            p += 4 + integrityLength;
        }
        if (fingerprint) {
            AttributeCodec.putUint16(out, 2, p - HEADER_LENGTH + 8);
            AttributeCodec.putUint16(out, p, AttributeType.FINGERPRINT.code());
            AttributeCodec.putUint16(out, p + 2, 4);
            AttributeCodec.putInt32(out, p + 4, fingerprint(out, 0, p));
        }
        return out;
    }

    /** RFC 8489 §14.7: CRC-32 of {@code d[off..off+len)} XOR 0x5354554E. */
    static int fingerprint(byte[] d, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(d, off, len);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }
}
