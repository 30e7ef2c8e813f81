package io.natprobe.punch;

import io.natprobe.rendezvous.Role;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.AttributeType;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunMethod;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A hole-punching probe and its answer, as ICE connectivity checks do it (RFC 8445 §7.2): a STUN
 * Binding request from one peer to the other, answered with a Binding success response whose
 * XOR-MAPPED-ADDRESS is the source address the answering peer saw. That answer is how each side
 * learns which public port the other's NAT really used toward it (which may differ from the one the
 * rendezvous server saw). Both carry PUNCH (role, sequence number) and MESSAGE-INTEGRITY-SHA256 keyed
 * from the session code, so strays and forgeries are ignored; Wireshark decodes them as STUN.
 *
 * @param role      who sent the request
 * @param sequence  the request's number in this attempt (1, 2, ...)
 * @param response  false for the request, true for the answer
 * @param observed  in an answer: the request's source address as the answering peer saw it
 * @param kind      what the probe is for (punch, keepalive, or an RTT measurement)
 */
public record PunchProbe(Role role, int sequence, boolean response, InetSocketAddress observed, Kind kind) {
    /** Comprehension-optional private attribute: role (1 byte), kind (1 byte), reserved (2), sequence (4). */
    static final AttributeType PUNCH = AttributeType.of(0xC010);

    public enum Kind { PUNCH, KEEPALIVE, RTT }

    public static PunchProbe request(Role role, int sequence, Kind kind) {
        return new PunchProbe(role, sequence, false, null, kind);
    }

    /** The answer to {@code request}, reporting where it came from. */
    public PunchProbe answer(Role answering, InetSocketAddress seenFrom) {
        return new PunchProbe(answering, sequence, true, seenFrom, kind);
    }

    public byte[] encode(TransactionId id, Credentials key) {
        byte[] v = ByteBuffer.allocate(8).put((byte) role.ordinal()).put((byte) kind.ordinal()).putShort((short) 0)
                .putInt(sequence).array();
        StunMessage m = response
                ? StunMessage.of(MessageType.BINDING_SUCCESS, id, new Attribute.XorMappedAddress(observed),
                        new Attribute.Raw(PUNCH, v))
                : StunMessage.of(MessageType.BINDING_REQUEST, id, new Attribute.Raw(PUNCH, v));
        return StunCodec.encode(m, key, true);
    }

    /**
     * Reads a datagram as a probe of this session: empty when it is not one (not STUN, not a Binding
     * request/response, no PUNCH attribute, or integrity fails with {@code key}).
     */
    public static Optional<PunchProbe> decode(byte[] d, int len, Credentials key) {
        StunMessage m;
        try {
            m = StunCodec.decode(d, 0, len);
        } catch (StunParseException e) {
            return Optional.empty();
        }
        if (!m.method().equals(StunMethod.BINDING)
                || (m.stunClass() != StunClass.REQUEST && m.stunClass() != StunClass.SUCCESS_RESPONSE)) {
            return Optional.empty();
        }
        Optional<Attribute> punch = m.get(PUNCH);
        if (punch.isEmpty() || !(punch.get() instanceof Attribute.Raw raw) || raw.length() != 8) {
            return Optional.empty();
        }
        byte[] exact = len == d.length ? d : java.util.Arrays.copyOf(d, len);
        if (StunIntegrity.checkIntegrity(exact, key) != StunIntegrity.Verdict.VALID) {
            return Optional.empty();
        }
        ByteBuffer v = ByteBuffer.wrap(raw.value());
        int role = v.get();
        int kind = v.get();
        v.getShort();
        int seq = v.getInt();
        if (role < 0 || role > 1 || kind < 0 || kind >= Kind.values().length) {
            return Optional.empty();
        }
        boolean response = m.stunClass() == StunClass.SUCCESS_RESPONSE;
        InetSocketAddress observed = response
                ? m.get(Attribute.XorMappedAddress.class).map(Attribute.XorMappedAddress::address).orElse(null)
                : null;
        if (response && observed == null) {
            return Optional.empty();
        }
        return Optional.of(new PunchProbe(Role.values()[role], seq, response, observed, Kind.values()[kind]));
    }

    /** Short text for the packet log, e.g. "punch #3 from A" or "punch #3 answer (saw 203.0.113.10:40000)". */
    public String summary() {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " #" + sequence;
        return response ? what + " answer from " + role + " (saw " + io.natprobe.log.PacketLineFormat.address(observed) + ")"
                : what + " from " + role;
    }
}
