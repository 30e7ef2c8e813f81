package io.natprobe.rendezvous;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.AttributeType;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunMethod;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import io.natprobe.stun.XorAddress;
import io.natprobe.rendezvous.RendezvousMessage.CreateRequest;
import io.natprobe.rendezvous.RendezvousMessage.CreateResponse;
import io.natprobe.rendezvous.RendezvousMessage.Deliver;
import io.natprobe.rendezvous.RendezvousMessage.ErrorResponse;
import io.natprobe.rendezvous.RendezvousMessage.LeaveRequest;
import io.natprobe.rendezvous.RendezvousMessage.LeaveResponse;
import io.natprobe.rendezvous.RendezvousMessage.PeerInfo;
import io.natprobe.rendezvous.RendezvousMessage.RegisterRequest;
import io.natprobe.rendezvous.RendezvousMessage.RegisterResponse;
import io.natprobe.rendezvous.RendezvousMessage.SendRequest;
import io.natprobe.rendezvous.RendezvousMessage.SendResponse;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps {@link RendezvousMessage}s to STUN messages with natprobe's own methods and
 * comprehension-optional attributes, and back (docs/protocol.md). No I/O.
 */
public final class RendezvousCodec {
    public static final StunMethod CREATE = StunMethod.of(0xE01);
    public static final StunMethod REGISTER = StunMethod.of(0xE02);
    public static final StunMethod SEND = StunMethod.of(0xE03);
    public static final StunMethod DELIVER = StunMethod.of(0xE04);
    public static final StunMethod LEAVE = StunMethod.of(0xE05);

    // Comprehension-optional (0xC000-0xFFFF): a STUN server that is not natprobe ignores them.
    static final AttributeType NAMEPLATE = AttributeType.of(0xC001);
    static final AttributeType SESSION_CODE = AttributeType.of(0xC002);
    static final AttributeType PEER_ROLE = AttributeType.of(0xC003);
    static final AttributeType PEER_ADDRESS = AttributeType.of(0xC004);
    static final AttributeType LOCAL_ADDRESS = AttributeType.of(0xC005);
    static final AttributeType PEER_LOCAL_ADDRESS = AttributeType.of(0xC006);
    static final AttributeType TIMESTAMP = AttributeType.of(0xC007);
    static final AttributeType SEQUENCE = AttributeType.of(0xC008);
    static final AttributeType CONTROL = AttributeType.of(0xC009);
    static final AttributeType ACK_SEQUENCE = AttributeType.of(0xC00A);
    static final AttributeType LIFETIME = AttributeType.of(0xC00B);
    static final AttributeType SERVER_TIME = AttributeType.of(0xC00C);

    /** Largest control payload a SEND may carry (keeps every datagram well under a 1280-byte MTU). */
    public static final int MAX_CONTROL = 1000;
    /** At most this many local addresses are reported or relayed. */
    public static final int MAX_LOCAL_ADDRESSES = 8;

    private RendezvousCodec() {}

    /** True when the method is one of the rendezvous methods (the server demultiplexes on this). */
    public static boolean isRendezvous(StunMethod m) {
        int c = m.code();
        return c >= 0xE01 && c <= 0xE05;
    }

    /**
     * Encodes the message; authenticated messages get MESSAGE-INTEGRITY-SHA256 with {@code key}
     * (null only for CREATE and for errors to unauthenticated requests), and every message FINGERPRINT.
     */
    public static byte[] encode(TransactionId id, RendezvousMessage m, Credentials key) {
        List<Attribute> a = new ArrayList<>();
        MessageType type;
        if (m instanceof CreateRequest) {
            type = new MessageType(CREATE, StunClass.REQUEST);
        } else if (m instanceof CreateResponse r) {
            type = new MessageType(CREATE, StunClass.SUCCESS_RESPONSE);
            a.add(raw(SESSION_CODE, r.code().toString().getBytes(StandardCharsets.US_ASCII)));
            a.add(raw(LIFETIME, u32((int) r.validFor().toSeconds())));
        } else if (m instanceof RegisterRequest r) {
            type = new MessageType(REGISTER, StunClass.REQUEST);
            a.add(raw(NAMEPLATE, u32(r.nameplate())));
            for (InetSocketAddress local : limit(r.localAddresses())) {
                a.add(raw(LOCAL_ADDRESS, XorAddress.encode(local, id)));
            }
            a.add(raw(SEQUENCE, u64(r.sequence())));
            a.add(raw(ACK_SEQUENCE, u64(r.ackSequence())));
            a.add(raw(TIMESTAMP, time(r.sentAt())));
        } else if (m instanceof RegisterResponse r) {
            type = new MessageType(REGISTER, StunClass.SUCCESS_RESPONSE);
            peerState(a, id, r.nameplate(), r.role(), r.mapped(), r.peer(), r.serverTime());
        } else if (m instanceof RendezvousMessage.PeerUpdate r) {
            type = new MessageType(REGISTER, StunClass.INDICATION);
            peerState(a, id, r.nameplate(), r.role(), r.mapped(), r.peer(), r.serverTime());
        } else if (m instanceof SendRequest r) {
            type = new MessageType(SEND, StunClass.REQUEST);
            if (r.control().length > MAX_CONTROL) {
                throw new IllegalArgumentException("control message is " + r.control().length
                        + " bytes (expected: at most " + MAX_CONTROL + ")");
            }
            a.add(raw(NAMEPLATE, u32(r.nameplate())));
            a.add(raw(SEQUENCE, u64(r.sequence())));
            a.add(raw(CONTROL, r.control()));
            a.add(raw(TIMESTAMP, time(r.sentAt())));
        } else if (m instanceof SendResponse r) {
            type = new MessageType(SEND, StunClass.SUCCESS_RESPONSE);
            a.add(raw(NAMEPLATE, u32(r.nameplate())));
            a.add(raw(SERVER_TIME, time(r.serverTime())));
        } else if (m instanceof Deliver r) {
            type = new MessageType(DELIVER, StunClass.INDICATION);
            a.add(raw(NAMEPLATE, u32(r.nameplate())));
            a.add(raw(PEER_ROLE, new byte[] {(byte) r.from().ordinal(), 0, 0, 0}));
            a.add(raw(SEQUENCE, u64(r.sequence())));
            a.add(raw(CONTROL, r.control()));
            a.add(raw(TIMESTAMP, time(r.sentAt())));
            a.add(raw(SERVER_TIME, time(r.serverTime())));
        } else if (m instanceof LeaveRequest r) {
            type = new MessageType(LEAVE, StunClass.REQUEST);
            a.add(raw(NAMEPLATE, u32(r.nameplate())));
        } else if (m instanceof LeaveResponse r) {
            type = new MessageType(LEAVE, StunClass.SUCCESS_RESPONSE);
            a.add(raw(NAMEPLATE, u32(r.nameplate())));
        } else if (m instanceof ErrorResponse r) {
            throw new IllegalArgumentException("use encodeError(id, method, error, key) for errors");
        } else {
            throw new IllegalStateException("unhandled message " + m);
        }
        return StunCodec.encode(new StunMessage(type, id, a), key, true);
    }

    private static void peerState(List<Attribute> a, TransactionId id, int nameplate, Role role,
                                  InetSocketAddress mapped, PeerInfo peer, Instant serverTime) {
        a.add(raw(NAMEPLATE, u32(nameplate)));
        a.add(raw(PEER_ROLE, new byte[] {(byte) role.ordinal(), 0, 0, 0}));
        a.add(new Attribute.XorMappedAddress(mapped));
        if (peer != null) {
            a.add(raw(PEER_ADDRESS, XorAddress.encode(peer.reflexive(), id)));
            for (InetSocketAddress local : limit(peer.localAddresses())) {
                a.add(raw(PEER_LOCAL_ADDRESS, XorAddress.encode(local, id)));
            }
        }
        a.add(raw(SERVER_TIME, time(serverTime)));
    }

    /** Encodes an error response to a request of the given method. */
    public static byte[] encodeError(TransactionId id, StunMethod method, ErrorResponse e, Credentials key) {
        StunMessage msg = StunMessage.of(new MessageType(method, StunClass.ERROR_RESPONSE), id,
                new Attribute.ErrorCode(e.code(), e.reason()));
        return StunCodec.encode(msg, key, true);
    }

    /**
     * Reads a decoded STUN message with a rendezvous method. Integrity is checked separately on the
     * raw bytes ({@code StunIntegrity.checkIntegrity}) with the key of {@link #nameplateOf}'s session.
     */
    public static RendezvousMessage decode(StunMessage m) throws StunParseException {
        StunMethod method = m.method();
        StunClass cls = m.stunClass();
        TransactionId id = m.transactionId();
        if (cls == StunClass.ERROR_RESPONSE) {
            Attribute.ErrorCode e = m.get(Attribute.ErrorCode.class)
                    .orElseThrow(() -> new StunParseException("ERROR-CODE", 0, "missing from an error response"));
            return new ErrorResponse(e.code(), e.reason());
        }
        int code = method.code();
        if (code == CREATE.code() && cls == StunClass.REQUEST) {
            return new CreateRequest();
        }
        if (code == CREATE.code() && cls == StunClass.SUCCESS_RESPONSE) {
            String text = new String(required(m, SESSION_CODE), StandardCharsets.US_ASCII);
            try {
                return new CreateResponse(SessionCode.parse(text), Duration.ofSeconds(u32(m, LIFETIME)));
            } catch (IllegalArgumentException e) {
                throw new StunParseException("SESSION-CODE", 0, e.getMessage());
            }
        }
        int nameplate = nameplateOf(m);
        if (code == REGISTER.code() && cls == StunClass.REQUEST) {
            return new RegisterRequest(nameplate, addresses(m, LOCAL_ADDRESS, id), u64(m, SEQUENCE),
                    u64(m, ACK_SEQUENCE), time(m, TIMESTAMP));
        }
        if (code == REGISTER.code() && (cls == StunClass.SUCCESS_RESPONSE || cls == StunClass.INDICATION)) {
            InetSocketAddress mapped = m.get(Attribute.XorMappedAddress.class)
                    .orElseThrow(() -> new StunParseException("XOR-MAPPED-ADDRESS", 0, "missing"))
                    .address();
            byte[] peer = optional(m, PEER_ADDRESS);
            PeerInfo info = peer == null ? null
                    : new PeerInfo(XorAddress.decode(peer, id, "PEER-ADDRESS"), addresses(m, PEER_LOCAL_ADDRESS, id));
            return cls == StunClass.INDICATION
                    ? new RendezvousMessage.PeerUpdate(nameplate, role(m), mapped, info, time(m, SERVER_TIME))
                    : new RegisterResponse(nameplate, role(m), mapped, info, time(m, SERVER_TIME));
        }
        if (code == SEND.code() && cls == StunClass.REQUEST) {
            byte[] control = required(m, CONTROL);
            if (control.length > MAX_CONTROL) {
                throw new StunParseException("CONTROL", 0, "value is " + control.length
                        + " bytes (expected: at most " + MAX_CONTROL + ")");
            }
            return new SendRequest(nameplate, u64(m, SEQUENCE), control, time(m, TIMESTAMP));
        }
        if (code == SEND.code() && cls == StunClass.SUCCESS_RESPONSE) {
            return new SendResponse(nameplate, time(m, SERVER_TIME));
        }
        if (code == DELIVER.code() && cls == StunClass.INDICATION) {
            return new Deliver(nameplate, role(m), u64(m, SEQUENCE), required(m, CONTROL), time(m, TIMESTAMP),
                    time(m, SERVER_TIME));
        }
        if (code == LEAVE.code() && cls == StunClass.REQUEST) {
            return new LeaveRequest(nameplate);
        }
        if (code == LEAVE.code() && cls == StunClass.SUCCESS_RESPONSE) {
            return new LeaveResponse(nameplate);
        }
        throw new StunParseException("message type", 0, method.name() + " " + cls.label()
                + " is not a rendezvous message");
    }

    /** The NAMEPLATE attribute: which session's key authenticates this message. */
    public static int nameplateOf(StunMessage m) throws StunParseException {
        int n = (int) u32(m, NAMEPLATE);
        if (n < 1 || n > SessionCode.MAX_NAMEPLATE) {
            throw new StunParseException("NAMEPLATE", 0, "value " + n + " (expected: 1.." + SessionCode.MAX_NAMEPLATE + ")");
        }
        return n;
    }

    private static List<InetSocketAddress> limit(List<InetSocketAddress> list) {
        return list.size() <= MAX_LOCAL_ADDRESSES ? list : list.subList(0, MAX_LOCAL_ADDRESSES);
    }

    private static Role role(StunMessage m) throws StunParseException {
        byte[] v = required(m, PEER_ROLE);
        if (v.length != 4 || v[0] < 0 || v[0] > 1) {
            throw new StunParseException("PEER-ROLE", 0, "value is not 0 (A) or 1 (B) in 4 bytes");
        }
        return Role.values()[v[0]];
    }

    private static List<InetSocketAddress> addresses(StunMessage m, AttributeType type, TransactionId id)
            throws StunParseException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Attribute a : m.attributes()) {
            if (a instanceof Attribute.Raw r && r.type().equals(type)) {
                if (out.size() == MAX_LOCAL_ADDRESSES) {
                    throw new StunParseException(type.name(), 0, "more than " + MAX_LOCAL_ADDRESSES + " addresses");
                }
                out.add(XorAddress.decode(r.value(), id, name(type)));
            }
        }
        return out;
    }

    static String name(AttributeType t) {
        return switch (t.code()) {
            case 0xC001 -> "NAMEPLATE";
            case 0xC002 -> "SESSION-CODE";
            case 0xC003 -> "PEER-ROLE";
            case 0xC004 -> "PEER-ADDRESS";
            case 0xC005 -> "LOCAL-ADDRESS";
            case 0xC006 -> "PEER-LOCAL-ADDRESS";
            case 0xC007 -> "TIMESTAMP";
            case 0xC008 -> "SEQUENCE";
            case 0xC009 -> "CONTROL";
            case 0xC00A -> "ACK-SEQUENCE";
            case 0xC00B -> "LIFETIME";
            case 0xC00C -> "SERVER-TIME";
            default -> t.name();
        };
    }

    private static byte[] optional(StunMessage m, AttributeType type) {
        return m.get(type).map(a -> a instanceof Attribute.Raw r ? r.value() : null).orElse(null);
    }

    private static byte[] required(StunMessage m, AttributeType type) throws StunParseException {
        byte[] v = optional(m, type);
        if (v == null) {
            throw new StunParseException(name(type), 0, "missing from " + m.type());
        }
        return v;
    }

    private static long u32(StunMessage m, AttributeType type) throws StunParseException {
        byte[] v = required(m, type);
        if (v.length != 4) {
            throw new StunParseException(name(type), 0, "value is " + v.length + " bytes (expected: 4)");
        }
        return ByteBuffer.wrap(v).getInt() & 0xFFFFFFFFL;
    }

    private static long u64(StunMessage m, AttributeType type) throws StunParseException {
        byte[] v = required(m, type);
        if (v.length != 8) {
            throw new StunParseException(name(type), 0, "value is " + v.length + " bytes (expected: 8)");
        }
        return ByteBuffer.wrap(v).getLong();
    }

    private static Instant time(StunMessage m, AttributeType type) throws StunParseException {
        long micros = u64(m, type);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private static byte[] time(Instant t) {
        return u64(t.getEpochSecond() * 1_000_000L + t.getNano() / 1000);
    }

    private static Attribute raw(AttributeType t, byte[] v) {
        return new Attribute.Raw(t, v);
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }
}
