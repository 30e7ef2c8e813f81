package io.natprobe.decode;

import io.natprobe.stun.StunMessage;
import java.util.List;

/**
 * Everything {@code natprobe decode} says about one datagram: the decoded message, every attribute
 * with its offset (ignored ones included), and the FINGERPRINT and integrity checks.
 * {@code keyDescription} is null when no key was given.
 */
public record PacketAnalysis(int length, StunMessage message, List<AttributeEntry> attributes, Check fingerprint,
                             Check messageIntegrity, Check messageIntegritySha256, String keyDescription) {
    public PacketAnalysis {
        attributes = List.copyOf(attributes);
    }

    /**
     * One word for both integrity attributes: invalid when any present one fails; valid when one
     * verifies; unchecked when one is present but no key was given; absent when there is neither.
     */
    public Check integrity() {
        if (messageIntegrity == Check.INVALID || messageIntegritySha256 == Check.INVALID) {
            return Check.INVALID;
        }
        if (messageIntegrity == Check.VALID || messageIntegritySha256 == Check.VALID) {
            return Check.VALID;
        }
        if (messageIntegrity == Check.UNCHECKED || messageIntegritySha256 == Check.UNCHECKED) {
            return Check.UNCHECKED;
        }
        return Check.ABSENT;
    }
}
