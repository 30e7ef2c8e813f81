package io.natprobe.rendezvous;

import io.natprobe.stun.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Derives the MESSAGE-INTEGRITY-SHA256 key of a session from its code (docs/protocol.md). */
public final class RendezvousKeys {
    private static final byte[] LABEL = "natprobe rendezvous v1".getBytes(StandardCharsets.US_ASCII);

    private RendezvousKeys() {}

    /** K = HMAC-SHA256(key = "natprobe rendezvous v1", message = canonical code). */
    public static Credentials credentials(SessionCode code) {
        return Credentials.ofKey(hmac(LABEL, code.toString().getBytes(StandardCharsets.US_ASCII)),
                Credentials.Integrity.SHA256);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }
}
