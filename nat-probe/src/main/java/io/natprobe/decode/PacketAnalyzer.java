package io.natprobe.decode;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes a datagram with the codec, locates each attribute, and runs the checks. Pure: no I/O. */
public final class PacketAnalyzer {
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    private static final int FINGERPRINT = 0x8028;

    private PacketAnalyzer() {}

    /** @param key null to leave integrity unchecked */
    public static PacketAnalysis analyze(byte[] d, KeySpec key) throws StunParseException {
        StunMessage m = StunCodec.decode(d);
        List<AttributeEntry> entries = locate(d, m.attributes());
        Check fingerprint = of(StunIntegrity.checkFingerprint(d));
        // Without a key a present attribute is unchecked, but a missing one is absent all the same.
        Check mi = m.has(Attribute.MessageIntegrity.class) ? Check.UNCHECKED : Check.ABSENT;
        Check sha = m.has(Attribute.MessageIntegritySha256.class) ? Check.UNCHECKED : Check.ABSENT;
        String keyDescription = null;
        if (key != null) {
            mi = of(StunIntegrity.checkIntegrity(d, key.credentials(m, Credentials.Integrity.SHA1)));
            sha = of(StunIntegrity.checkIntegrity(d, key.credentials(m, Credentials.Integrity.SHA256)));
            keyDescription = key.describe(m);
        }
        return new PacketAnalysis(d.length, m, entries, fingerprint, mi, sha, keyDescription);
    }

    /**
     * Walks the attribute headers of a datagram the codec accepted and pairs each with its decoded
     * value. The codec drops what RFC 8489 §14.5/§14.6 says to ignore; the same rule marks those here.
     */
    private static List<AttributeEntry> locate(byte[] d, List<Attribute> decoded) {
        List<AttributeEntry> out = new ArrayList<>(decoded.size());
        int next = 0;
        boolean afterMi = false;
        boolean afterSha = false;
        int p = StunCodec.HEADER_LENGTH;
        while (p + 4 <= d.length) {
            int type = (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
            int len = (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
            boolean ignored = (afterSha && type != FINGERPRINT)
                    || (afterMi && type != MESSAGE_INTEGRITY_SHA256 && type != FINGERPRINT);
            Attribute a = null;
            if (!ignored && next < decoded.size()) {
                a = decoded.get(next++);
                afterMi |= type == MESSAGE_INTEGRITY;
                afterSha |= type == MESSAGE_INTEGRITY_SHA256;
            }
            out.add(new AttributeEntry(p, type, len, a, Arrays.copyOfRange(d, p + 4, p + 4 + len)));
            p += 4 + ((len + 3) & ~3);
        }
        return out;
    }

    private static Check of(StunIntegrity.Verdict v) {
        return switch (v) {
            case VALID -> Check.VALID;
            case INVALID -> Check.INVALID;
            case ABSENT -> Check.ABSENT;
        };
    }
}
