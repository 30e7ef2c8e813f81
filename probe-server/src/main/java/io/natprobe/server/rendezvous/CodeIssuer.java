package io.natprobe.server.rendezvous;

import io.natprobe.rendezvous.SessionCode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues session codes without storing them: the words of a code are HMAC(server secret, epoch,
 * nameplate), so the server can re-derive the key of any nameplate it issued in the current or the
 * previous epoch. The only memory is one bit per nameplate per epoch (fixed size), which keeps
 * nameplates unique while they can still be registered.
 */
public final class CodeIssuer {
    private final byte[] secret;
    private final long epochSeconds;
    private final RandomGenerator random;
    private long currentEpoch = Long.MIN_VALUE;
    private BitSet issuedNow = new BitSet(SessionCode.MAX_NAMEPLATE + 1);
    private BitSet issuedBefore = new BitSet(SessionCode.MAX_NAMEPLATE + 1);

    public CodeIssuer(byte[] secret, Duration epoch, RandomGenerator random) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret is " + secret.length + " bytes (expected: 16+)");
        }
        this.secret = secret.clone();
        this.epochSeconds = epoch.toSeconds();
        this.random = random;
    }

    /** How long a fresh code stays registrable: at least one epoch. */
    public Duration validity() {
        return Duration.ofSeconds(epochSeconds);
    }

    /**
     * A fresh code whose nameplate is not in use ({@code inUse} says which nameplates have live
     * sessions), or null when the nameplate space is nearly exhausted (the server is busy).
     */
    public synchronized SessionCode issue(Instant now, IntPredicate inUse) {
        rotate(now);
        int used = issuedNow.cardinality() + issuedBefore.cardinality();
        if (used > SessionCode.MAX_NAMEPLATE * 3 / 4) {
            return null;
        }
        for (int attempt = 0; attempt < 64; attempt++) {
            int n = 1 + random.nextInt(SessionCode.MAX_NAMEPLATE);
            if (!issuedNow.get(n) && !issuedBefore.get(n) && !inUse.test(n)) {
                issuedNow.set(n);
                return code(currentEpoch, n);
            }
        }
        return null;
    }

    /** The codes this server may have issued with this nameplate and that may still be registered. */
    public synchronized List<SessionCode> candidates(int nameplate, Instant now) {
        rotate(now);
        List<SessionCode> out = new ArrayList<>(2);
        if (issuedNow.get(nameplate)) {
            out.add(code(currentEpoch, nameplate));
        }
        if (issuedBefore.get(nameplate)) {
            out.add(code(currentEpoch - 1, nameplate));
        }
        return out;
    }

    private void rotate(Instant now) {
        long epoch = Math.floorDiv(now.getEpochSecond(), epochSeconds);
        if (epoch == currentEpoch) {
            return;
        }
        if (epoch == currentEpoch + 1) {
            issuedBefore = issuedNow;
        } else {
            issuedBefore = new BitSet(SessionCode.MAX_NAMEPLATE + 1);
        }
        issuedNow = new BitSet(SessionCode.MAX_NAMEPLATE + 1);
        currentEpoch = epoch;
    }

    private SessionCode code(long epoch, int nameplate) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(12).putLong(epoch).putInt(nameplate).array());
            return new SessionCode(nameplate, h[0] & 0xFF, h[1] & 0xFF);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }
}
