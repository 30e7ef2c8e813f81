package io.natprobe.server;

import io.natprobe.server.Outcome.Drop;
import io.natprobe.server.Outcome.Reply;
import io.natprobe.server.Outcome.ReplyKind;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.AttributeType;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunMethod;
import io.natprobe.stun.StunParseException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers one datagram: a pure function of the bytes, the sender, the socket it arrived on and the
 * reply budget. No I/O, no clock, no state; safe to call from several threads.
 *
 * <p>RFC 8489 requests get XOR-MAPPED-ADDRESS, MAPPED-ADDRESS, RESPONSE-ORIGIN, OTHER-ADDRESS (with
 * two addresses), SOFTWARE (when enabled), PADDING (when asked) and FINGERPRINT. Classic RFC 3489
 * requests get MAPPED-ADDRESS, SOURCE-ADDRESS and CHANGED-ADDRESS. What is not a well-formed request
 * is dropped silently with a reason.
 */
public final class BindingHandler {
    /** RFC 5780 §7.5 gives no rule; we refuse privileged ports so nobody aims replies at a service port. */
    public static final int LOWEST_RESPONSE_PORT = 1024;
    /** UNKNOWN-ATTRIBUTES never lists more than this many types (each cost the sender 4 bytes anyway). */
    static final int MAX_UNKNOWN_LISTED = 16;

    private final AdvertisedAddresses addresses;
    private final HandlerOptions options;
    private final OtherMethodHandler otherMethods;
    private final FastReply fast;

    public BindingHandler(AdvertisedAddresses addresses, HandlerOptions options, OtherMethodHandler otherMethods) {
        this(addresses, options, otherMethods, true);
    }

    /** {@code fastPath} false forces the general path (tests compare the two byte for byte). */
    BindingHandler(AdvertisedAddresses addresses, HandlerOptions options, OtherMethodHandler otherMethods,
            boolean fastPath) {
        this.addresses = addresses;
        this.options = options;
        this.otherMethods = otherMethods;
        this.fast = fastPath ? new FastReply(addresses, options) : null;
    }

    public BindingHandler(AdvertisedAddresses addresses, HandlerOptions options) {
        this(addresses, options, null);
    }

    public AdvertisedAddresses addresses() {
        return addresses;
    }

    public Outcome handle(byte[] d, int off, int len, InetSocketAddress source, SocketRole arrival, ReplyBudget budget) {
        if (fast != null && FastReply.isPlainBindingRequest(d, off, len)) {
            byte[] bytes = fast.build(d, off, source, arrival);
            if (bytes != null) {
                return budget.allow(source.getAddress(), false) ? new Reply(arrival, source, bytes, ReplyKind.SUCCESS)
                        : new Drop(DropReason.BUDGET);
            }
        }
        if (!looksLikeStunHeader(d, off, len)) {
            return new Drop(DropReason.NOT_STUN);
        }
        StunMessage request;
        try {
            request = StunCodec.decode(d, off, len);
        } catch (StunParseException e) {
            return new Drop(DropReason.MALFORMED);
        }
        // RFC 8489 §14.7: a wrong FINGERPRINT means "not STUN" (e.g. another protocol on the port).
        if (StunIntegrity.checkFingerprint(d, off, len) == StunIntegrity.Verdict.INVALID) {
            return new Drop(DropReason.BAD_FINGERPRINT);
        }
        // RFC 8489 §6.3: responses and indications are never answered.
        if (request.stunClass() != StunClass.REQUEST) {
            return new Drop(DropReason.NOT_A_REQUEST);
        }
        if (!request.method().equals(StunMethod.BINDING)) {
            if (otherMethods == null) {
                return new Drop(DropReason.UNKNOWN_METHOD);
            }
            return otherMethods.handle(request, d, off, len, source, arrival, budget);
        }
        if (request.isClassic() && !options.rfc3489()) {
            return new Drop(DropReason.RFC3489_DISABLED);
        }
        return binding(request, len, source, arrival, budget);
    }

    private Outcome binding(StunMessage request, int requestLength, InetSocketAddress source, SocketRole arrival,
            ReplyBudget budget) {
        List<Integer> unknown = unknownComprehensionRequired(request);
        if (!unknown.isEmpty()) {
            return error(request, source, arrival, budget, Attribute.ErrorCode.UNKNOWN_ATTRIBUTE,
                    "Unknown Attribute", unknown, ReplyKind.ERROR_420);
        }
        var changeRequest = request.get(Attribute.ChangeRequest.class);
        var responsePort = request.get(Attribute.ResponsePort.class);
        var padding = request.get(Attribute.Padding.class);
        if (responsePort.isPresent() && responsePort.get().port() < LOWEST_RESPONSE_PORT) {
            // RFC 8489 §6.3.1: a request the server will not serve as asked gets 400 Bad Request.
            return error(request, source, arrival, budget, Attribute.ErrorCode.BAD_REQUEST,
                    "RESPONSE-PORT below " + LOWEST_RESPONSE_PORT + " refused", List.of(), ReplyKind.ERROR_400);
        }
        SocketRole from = changeRequest
                .map(c -> arrival.change(c.changeIp(), c.changePort()))
                .orElse(arrival);
        InetSocketAddress to = responsePort
                .map(p -> new InetSocketAddress(source.getAddress(), p.port()))
                .orElse(source);
        boolean expensive = from != arrival || responsePort.isPresent() || padding.isPresent();
        if (!budget.allow(source.getAddress(), expensive)) {
            return new Drop(DropReason.BUDGET);
        }
        List<Attribute> attributes = new ArrayList<>(8);
        boolean classic = request.isClassic();
        if (classic) {
            // RFC 3489 §11.1: MAPPED-ADDRESS, SOURCE-ADDRESS and CHANGED-ADDRESS.
            attributes.add(new Attribute.MappedAddress(source));
            attributes.add(new Attribute.SourceAddress(addresses.get(from)));
            if (addresses.twoAddresses()) {
                attributes.add(new Attribute.ChangedAddress(addresses.get(arrival.other())));
            }
        } else {
            attributes.add(new Attribute.XorMappedAddress(source));
            // RFC 5780 §6: MAPPED-ADDRESS too, for clients that predate XOR-MAPPED-ADDRESS.
            attributes.add(new Attribute.MappedAddress(source));
            attributes.add(new Attribute.ResponseOrigin(addresses.get(from)));
            if (addresses.twoAddresses()) {
                // RFC 5780 §6: OTHER-ADDRESS only when the server has an alternate address.
                attributes.add(new Attribute.OtherAddress(addresses.get(arrival.other())));
            }
        }
        if (options.software() != null) {
            attributes.add(new Attribute.Software(options.software()));
        }
        MessageType type = new MessageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE);
        if (padding.isPresent()) {
            // RFC 5780 §7.6: echo PADDING, but never make the reply larger than the request was
            // (so PADDING cannot amplify): the reply's padding is what is left of the request's size.
            int withoutPadding = encodedLength(attributes) + (classic ? 0 : 8);
            int room = requestLength - withoutPadding - 4;
            int length = Math.max(0, Math.min(padding.get().length(), room)) & ~3;
            attributes.add(new Attribute.Padding(length));
        }
        StunMessage reply = new StunMessage(type, request.transactionId(), attributes);
        byte[] bytes = classic ? StunCodec.encode(reply) : StunCodec.encodeWithFingerprint(reply);
        return new Reply(from, to, bytes, classic ? ReplyKind.RFC3489_SUCCESS : ReplyKind.SUCCESS);
    }

    private Outcome error(StunMessage request, InetSocketAddress source, SocketRole arrival, ReplyBudget budget,
            int code, String reason, List<Integer> unknown, ReplyKind kind) {
        if (!budget.allow(source.getAddress(), false)) {
            return new Drop(DropReason.BUDGET);
        }
        List<Attribute> attributes = new ArrayList<>(3);
        attributes.add(new Attribute.ErrorCode(code, reason));
        if (!unknown.isEmpty()) {
            attributes.add(new Attribute.UnknownAttributes(unknown));
        }
        if (options.software() != null) {
            attributes.add(new Attribute.Software(options.software()));
        }
        StunMessage reply = new StunMessage(new MessageType(StunMethod.BINDING, StunClass.ERROR_RESPONSE),
                request.transactionId(), attributes);
        byte[] bytes = request.isClassic() ? StunCodec.encode(reply) : StunCodec.encodeWithFingerprint(reply);
        // Errors always go back where the request came from, from the socket it arrived on.
        return new Reply(arrival, source, bytes, kind);
    }

    /**
     * RFC 8489 §6.3.1: comprehension-required attributes we do not understand are listed in a 420.
     * RESPONSE-ADDRESS (RFC 3489) is deliberately not understood: honouring it would let anyone aim
     * our replies at a third party. Without an alternate address CHANGE-REQUEST is not understood
     * either (RFC 5780 §6).
     */
    private List<Integer> unknownComprehensionRequired(StunMessage request) {
        List<Integer> unknown = List.of();
        for (Attribute a : request.attributes()) {
            AttributeType t = a.type();
            if (!t.isComprehensionRequired() || understood(t)) {
                continue;
            }
            if (unknown.isEmpty()) {
                unknown = new ArrayList<>(2);
            }
            if (!unknown.contains(t.code()) && unknown.size() < MAX_UNKNOWN_LISTED) {
                unknown.add(t.code());
            }
        }
        return unknown;
    }

    private boolean understood(AttributeType t) {
        int c = t.code();
        if (c == AttributeType.CHANGE_REQUEST.code()) {
            return addresses.twoAddresses();
        }
        // Acted on: RESPONSE-PORT, PADDING. Accepted and ignored: this server does not authenticate
        // Binding (RFC 8489 §9: authentication is optional), so credentials carry no meaning here.
        return c == AttributeType.RESPONSE_PORT.code() || c == AttributeType.PADDING.code()
                || c == AttributeType.USERNAME.code() || c == AttributeType.MESSAGE_INTEGRITY.code()
                || c == AttributeType.MESSAGE_INTEGRITY_SHA256.code() || c == AttributeType.USERHASH.code()
                || c == AttributeType.REALM.code() || c == AttributeType.NONCE.code()
                || c == AttributeType.PASSWORD_ALGORITHM.code();
    }

    /** RFC 8489 §5 header rules, checked before spending time on a decode. */
    static boolean looksLikeStunHeader(byte[] d, int off, int len) {
        if (len < StunCodec.HEADER_LENGTH || (d[off] & 0xC0) != 0) {
            return false;
        }
        int length = ((d[off + 2] & 0xFF) << 8) | (d[off + 3] & 0xFF);
        return length == len - StunCodec.HEADER_LENGTH && (length & 3) == 0;
    }

    private static int encodedLength(List<Attribute> attributes) {
        StunMessage probe = new StunMessage(MessageType.BINDING_SUCCESS,
                io.natprobe.stun.TransactionId.of(new byte[12]), attributes);
        return StunCodec.encode(probe).length;
    }
}
