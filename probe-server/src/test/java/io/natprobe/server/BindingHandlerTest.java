package io.natprobe.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.natprobe.stun.TransactionId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BindingHandlerTest {
    static final InetAddress PRIMARY = ip("203.0.113.10");
    static final InetAddress ALTERNATE = ip("203.0.113.11");
    static final AdvertisedAddresses TWO = AdvertisedAddresses.of(PRIMARY, ALTERNATE, 3478, 3479);
    static final AdvertisedAddresses ONE = AdvertisedAddresses.of(PRIMARY, null, 3478, 3479);
    static final InetSocketAddress CLIENT = new InetSocketAddress(ip("198.51.100.7"), 40000);

    final List<Boolean> budgetAsks = new ArrayList<>();
    final ReplyBudget recording = (source, expensive) -> {
        budgetAsks.add(expensive);
        return true;
    };
    final BindingHandler handler = new BindingHandler(TWO, HandlerOptions.DEFAULT);

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    Outcome handle(BindingHandler h, byte[] datagram, SocketRole arrival) {
        return h.handle(datagram, 0, datagram.length, CLIENT, arrival, recording);
    }

    static Reply reply(Outcome o) {
        assertThat(o).isInstanceOf(Reply.class);
        return (Reply) o;
    }

    static StunMessage decode(Reply r) throws Exception {
        return StunCodec.decode(r.bytes());
    }

    static byte[] request(Attribute... attributes) {
        return StunCodec.encodeWithFingerprint(StunMessage.bindingRequest(attributes));
    }

    @Test
    void plainRequestGetsEveryRfc5780Attribute() throws Exception {
        byte[] req = request();
        Reply r = reply(handle(handler, req, SocketRole.PP));
        assertThat(r.from()).isEqualTo(SocketRole.PP);
        assertThat(r.to()).isEqualTo(CLIENT);
        assertThat(r.kind()).isEqualTo(ReplyKind.SUCCESS);
        StunMessage m = decode(r);
        assertThat(m.type()).isEqualTo(MessageType.BINDING_SUCCESS);
        assertThat(m.transactionId()).isEqualTo(StunCodec.decode(req).transactionId());
        assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(CLIENT);
        assertThat(m.get(Attribute.MappedAddress.class).orElseThrow().address()).isEqualTo(CLIENT);
        assertThat(m.get(Attribute.ResponseOrigin.class).orElseThrow().address()).isEqualTo(TWO.get(SocketRole.PP));
        assertThat(m.get(Attribute.OtherAddress.class).orElseThrow().address()).isEqualTo(TWO.get(SocketRole.AA));
        assertThat(m.has(Attribute.Software.class)).isFalse();
        assertThat(m.attributes().get(m.attributes().size() - 1)).isInstanceOf(Attribute.Fingerprint.class);
        assertThat(StunIntegrity.checkFingerprint(r.bytes())).isEqualTo(StunIntegrity.Verdict.VALID);
        assertThat(budgetAsks).containsExactly(false);
        assertThat(r.bytes().length).isEqualTo(20 + 4 * 12 + 8);
    }

    @ParameterizedTest
    @EnumSource(SocketRole.class)
    void otherAddressIsTheArrivalSocketWithBothChanged(SocketRole arrival) throws Exception {
        StunMessage m = decode(reply(handle(handler, request(), arrival)));
        assertThat(m.get(Attribute.OtherAddress.class).orElseThrow().address()).isEqualTo(TWO.get(arrival.other()));
        assertThat(m.get(Attribute.ResponseOrigin.class).orElseThrow().address()).isEqualTo(TWO.get(arrival));
    }

    static Stream<Arguments> changeRequests() {
        List<Arguments> out = new ArrayList<>();
        for (SocketRole arrival : SocketRole.values()) {
            for (boolean ip : new boolean[] {false, true}) {
                for (boolean port : new boolean[] {false, true}) {
                    SocketRole expected = SocketRole.of(arrival.alternateAddress() ^ ip, arrival.alternatePort() ^ port);
                    out.add(Arguments.of(arrival, ip, port, expected));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} change-ip={1} change-port={2} -> {3}")
    @MethodSource("changeRequests")
    void changeRequestAnswersFromTheSwappedSocket(SocketRole arrival, boolean ip, boolean port, SocketRole expected)
            throws Exception {
        Reply r = reply(handle(handler, request(new Attribute.ChangeRequest(ip, port)), arrival));
        assertThat(r.from()).isEqualTo(expected);
        assertThat(r.to()).isEqualTo(CLIENT);
        StunMessage m = decode(r);
        assertThat(m.get(Attribute.ResponseOrigin.class).orElseThrow().address()).isEqualTo(TWO.get(expected));
        assertThat(m.get(Attribute.OtherAddress.class).orElseThrow().address()).isEqualTo(TWO.get(arrival.other()));
        assertThat(budgetAsks).containsExactly(ip || port);
    }

    @Test
    void singleAddressModeOmitsOtherAddress() throws Exception {
        BindingHandler single = new BindingHandler(ONE, HandlerOptions.DEFAULT);
        StunMessage m = decode(reply(handle(single, request(), SocketRole.PP)));
        assertThat(m.has(Attribute.OtherAddress.class)).isFalse();
        assertThat(m.get(Attribute.ResponseOrigin.class).orElseThrow().address()).isEqualTo(ONE.get(SocketRole.PP));
    }

    @ParameterizedTest
    @MethodSource("flagPairs")
    void singleAddressModeAnswersChangeRequestWith420(boolean ip, boolean port) throws Exception {
        BindingHandler single = new BindingHandler(ONE, HandlerOptions.DEFAULT);
        Reply r = reply(handle(single, request(new Attribute.ChangeRequest(ip, port)), SocketRole.PP));
        assertThat(r.kind()).isEqualTo(ReplyKind.ERROR_420);
        StunMessage m = decode(r);
        assertThat(m.type()).isEqualTo(MessageType.BINDING_ERROR);
        assertThat(m.get(Attribute.ErrorCode.class).orElseThrow().code()).isEqualTo(420);
        assertThat(m.get(Attribute.UnknownAttributes.class).orElseThrow().types()).containsExactly(0x0003);
    }

    static Stream<Arguments> flagPairs() {
        return Stream.of(Arguments.of(false, false), Arguments.of(true, false), Arguments.of(false, true),
                Arguments.of(true, true));
    }

    @ParameterizedTest
    @MethodSource("responsePortForms")
    void responsePortSendsToThatPortOfTheSourceAddress(int valueLength, SocketRole arrival) throws Exception {
        Reply r = reply(handle(handler, request(new Attribute.ResponsePort(50000, valueLength)), arrival));
        assertThat(r.to()).isEqualTo(new InetSocketAddress(CLIENT.getAddress(), 50000));
        assertThat(r.from()).isEqualTo(arrival);
        StunMessage m = decode(r);
        // The mapped address is still where the request came from (RFC 5780 §7.5).
        assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(CLIENT);
        assertThat(budgetAsks).containsExactly(true);
    }

    static Stream<Arguments> responsePortForms() {
        return Stream.of(Arguments.of(2, SocketRole.PP), Arguments.of(4, SocketRole.PP), Arguments.of(2, SocketRole.AA),
                Arguments.of(4, SocketRole.PA));
    }

    @Test
    void responsePortWithChangeRequestCombines() throws Exception {
        Reply r = reply(handle(handler, request(new Attribute.ChangeRequest(true, false), new Attribute.ResponsePort(50001)),
                SocketRole.PP));
        assertThat(r.from()).isEqualTo(SocketRole.AP);
        assertThat(r.to().getPort()).isEqualTo(50001);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 53, 123, 1023})
    void responsePortBelow1024IsRefusedWith400ToTheSender(int port) throws Exception {
        Reply r = reply(handle(handler, request(new Attribute.ResponsePort(port, 4)), SocketRole.PA));
        assertThat(r.kind()).isEqualTo(ReplyKind.ERROR_400);
        assertThat(r.to()).isEqualTo(CLIENT);
        assertThat(r.from()).isEqualTo(SocketRole.PA);
        StunMessage m = decode(r);
        assertThat(m.get(Attribute.ErrorCode.class).orElseThrow().code()).isEqualTo(400);
        assertThat(m.get(Attribute.ErrorCode.class).orElseThrow().reason()).contains("RESPONSE-PORT");
        assertThat(budgetAsks).containsExactly(false);
    }

    @Test
    void responsePort1024IsHonoured() {
        assertThat(reply(handle(handler, request(new Attribute.ResponsePort(1024)), SocketRole.PP)).to().getPort())
                .isEqualTo(1024);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 4, 64, 200, 1200, 8000})
    void paddingIsEchoedButTheReplyNeverOutgrowsTheRequest(int padding) throws Exception {
        byte[] req = request(new Attribute.Padding(padding));
        Reply r = reply(handle(handler, req, SocketRole.PP));
        StunMessage m = decode(r);
        int echoed = m.get(Attribute.Padding.class).orElseThrow().length();
        assertThat(echoed).isLessThanOrEqualTo(padding);
        int unpadded = 20 + 4 * 12 + 8;
        assertThat(r.bytes().length).isLessThanOrEqualTo(Math.max(req.length, unpadded + 4));
        if (req.length >= unpadded + 4) {
            // Large enough to pad: the reply is exactly as large as the request (what §7.6 is for).
            assertThat(r.bytes().length).isEqualTo(req.length);
        }
        assertThat(StunIntegrity.checkFingerprint(r.bytes())).isEqualTo(StunIntegrity.Verdict.VALID);
        assertThat(budgetAsks).containsExactly(true);
    }

    @Test
    void softwareOnlyWhenEnabled() throws Exception {
        BindingHandler withSoftware = new BindingHandler(TWO, new HandlerOptions("natprobe 1.0", true));
        StunMessage m = decode(reply(handle(withSoftware, request(), SocketRole.PP)));
        assertThat(m.get(Attribute.Software.class).orElseThrow().text()).isEqualTo("natprobe 1.0");
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420ListingThem() throws Exception {
        byte[] req = request(new Attribute.Raw(AttributeType.of(0x7777), new byte[] {1, 2, 3}),
                new Attribute.Raw(AttributeType.of(0x0024), new byte[4]), // ICE PRIORITY
                new Attribute.Raw(AttributeType.of(0x8777), new byte[] {9}));
        Reply r = reply(handle(handler, req, SocketRole.AP));
        assertThat(r.kind()).isEqualTo(ReplyKind.ERROR_420);
        assertThat(r.from()).isEqualTo(SocketRole.AP);
        StunMessage m = decode(r);
        assertThat(m.get(Attribute.UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7777, 0x0024);
        assertThat(m.transactionId()).isEqualTo(StunCodec.decode(req).transactionId());
        assertThat(StunIntegrity.checkFingerprint(r.bytes())).isEqualTo(StunIntegrity.Verdict.VALID);
    }

    @Test
    void comprehensionOptionalUnknownsAreIgnored() {
        byte[] req = request(new Attribute.Raw(AttributeType.of(0xC001), new byte[] {1}));
        assertThat(reply(handle(handler, req, SocketRole.PP)).kind()).isEqualTo(ReplyKind.SUCCESS);
    }

    @Test
    void responseAddressIsNeverHonoured() throws Exception {
        InetSocketAddress victim = new InetSocketAddress(ip("198.51.100.99"), 53);
        Reply r = reply(handle(handler, request(new Attribute.ResponseAddress(victim)), SocketRole.PP));
        assertThat(r.to()).isEqualTo(CLIENT);
        assertThat(r.kind()).isEqualTo(ReplyKind.ERROR_420);
        assertThat(decode(r).get(Attribute.UnknownAttributes.class).orElseThrow().types()).containsExactly(0x0002);
    }

    @Test
    void credentialsAreAcceptedAndIgnored() {
        byte[] req = StunCodec.encode(StunMessage.bindingRequest(new Attribute.Username("alice")),
                io.natprobe.stun.Credentials.shortTerm("secret", io.natprobe.stun.Credentials.Integrity.SHA1), true);
        assertThat(reply(handle(handler, req, SocketRole.PP)).kind()).isEqualTo(ReplyKind.SUCCESS);
    }

    @Test
    void ipv6SourceGetsIpv6MappedAddress() throws Exception {
        AdvertisedAddresses v6 = AdvertisedAddresses.of(ip("2001:db8::1"), ip("2001:db8::2"), 3478, 3479);
        BindingHandler h = new BindingHandler(v6, HandlerOptions.DEFAULT);
        InetSocketAddress src = new InetSocketAddress(ip("2001:db8::99"), 1234);
        byte[] req = request();
        Reply r = reply(h.handle(req, 0, req.length, src, SocketRole.PP, recording));
        StunMessage m = decode(r);
        assertThat(m.get(Attribute.XorMappedAddress.class).orElseThrow().address()).isEqualTo(src);
        assertThat(m.get(Attribute.OtherAddress.class).orElseThrow().address()).isEqualTo(v6.get(SocketRole.AA));
    }

    // --- classic RFC 3489 ---

    static byte[] classic(Attribute... attributes) {
        return StunCodec.encode(new StunMessage(MessageType.BINDING_REQUEST, TransactionId.randomClassic(), List.of(attributes)));
    }

    @Test
    void classicRequestGetsAnRfc3489Answer() throws Exception {
        byte[] req = classic();
        Reply r = reply(handle(handler, req, SocketRole.PA));
        assertThat(r.kind()).isEqualTo(ReplyKind.RFC3489_SUCCESS);
        StunMessage m = decode(r);
        assertThat(m.isClassic()).isTrue();
        assertThat(m.transactionId()).isEqualTo(StunCodec.decode(req).transactionId());
        assertThat(m.get(Attribute.MappedAddress.class).orElseThrow().address()).isEqualTo(CLIENT);
        assertThat(m.get(Attribute.SourceAddress.class).orElseThrow().address()).isEqualTo(TWO.get(SocketRole.PA));
        assertThat(m.get(Attribute.ChangedAddress.class).orElseThrow().address()).isEqualTo(TWO.get(SocketRole.AP));
        assertThat(m.has(Attribute.XorMappedAddress.class)).isFalse();
        assertThat(m.has(Attribute.Fingerprint.class)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("flagPairs")
    void classicChangeRequestIsHonoured(boolean ip, boolean port) throws Exception {
        Reply r = reply(handle(handler, classic(new Attribute.ChangeRequest(ip, port)), SocketRole.PP));
        assertThat(r.from()).isEqualTo(SocketRole.of(ip, port));
        assertThat(decode(r).get(Attribute.SourceAddress.class).orElseThrow().address()).isEqualTo(TWO.get(r.from()));
    }

    @Test
    void classicRequestsAreDroppedWithNoRfc3489() {
        BindingHandler strict = new BindingHandler(TWO, new HandlerOptions(null, false));
        assertThat(handle(strict, classic(), SocketRole.PP)).isEqualTo(new Drop(DropReason.RFC3489_DISABLED));
    }

    // --- silent drops ---

    static Stream<Arguments> drops() {
        byte[] ok = request();
        byte[] badFingerprint = ok.clone();
        badFingerprint[badFingerprint.length - 1] ^= 1;
        byte[] wrongLength = Arrays.copyOf(ok, ok.length + 4);
        byte[] topBits = ok.clone();
        topBits[0] |= (byte) 0xC0;
        byte[] truncatedAttribute = HexFormat.of().parseHex("000100082112a442" + "000000000000000000000000" + "00200010" + "00000000");
        byte[] duplicate = StunCodec.encode(StunMessage.bindingRequest(new Attribute.ChangeRequest(true, false),
                new Attribute.ChangeRequest(false, true)));
        byte[] successResponse = StunCodec.encode(new StunMessage(MessageType.BINDING_SUCCESS, TransactionId.random(),
                List.of(new Attribute.XorMappedAddress(CLIENT))));
        byte[] errorResponse = StunCodec.encode(new StunMessage(MessageType.BINDING_ERROR, TransactionId.random(),
                List.of(new Attribute.ErrorCode(400, "x"))));
        byte[] indication = StunCodec.encode(new StunMessage(MessageType.BINDING_INDICATION, TransactionId.random(), List.of()));
        byte[] allocate = StunCodec.encode(new StunMessage(new MessageType(StunMethod.of(0x003), StunClass.REQUEST),
                TransactionId.random(), List.of()));
        byte[] badChangeRequestLength = HexFormat.of().parseHex("000100082112a442" + "000000000000000000000000" + "00030002" + "00000000");
        byte[] badResponsePortLength = HexFormat.of().parseHex("000100082112a442" + "000000000000000000000000" + "00270003" + "00000000");
        return Stream.of(
                Arguments.of("empty", new byte[0], DropReason.NOT_STUN),
                Arguments.of("one byte", new byte[] {0}, DropReason.NOT_STUN),
                Arguments.of("19 bytes", new byte[19], DropReason.NOT_STUN),
                Arguments.of("DNS-like text", "GET / HTTP/1.1\r\n\r\n".getBytes(), DropReason.NOT_STUN),
                Arguments.of("length field too short", wrongLength, DropReason.NOT_STUN),
                Arguments.of("top bits set (RTP/DTLS range)", topBits, DropReason.NOT_STUN),
                Arguments.of("attribute overruns message", truncatedAttribute, DropReason.MALFORMED),
                Arguments.of("duplicate CHANGE-REQUEST", duplicate, DropReason.MALFORMED),
                Arguments.of("CHANGE-REQUEST of 2 bytes", badChangeRequestLength, DropReason.MALFORMED),
                Arguments.of("RESPONSE-PORT of 3 bytes", badResponsePortLength, DropReason.MALFORMED),
                Arguments.of("bad FINGERPRINT", badFingerprint, DropReason.BAD_FINGERPRINT),
                Arguments.of("success response", successResponse, DropReason.NOT_A_REQUEST),
                Arguments.of("error response", errorResponse, DropReason.NOT_A_REQUEST),
                Arguments.of("indication", indication, DropReason.NOT_A_REQUEST),
                Arguments.of("Allocate request", allocate, DropReason.UNKNOWN_METHOD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drops")
    void droppedSilently(String name, byte[] datagram, DropReason reason) {
        assertThat(handle(handler, datagram, SocketRole.PP)).isEqualTo(new Drop(reason));
        assertThat(budgetAsks).isEmpty();
    }

    @Test
    void datagramAtAnOffsetInALargerBuffer() throws Exception {
        byte[] req = request(new Attribute.ChangeRequest(false, true));
        byte[] buf = new byte[req.length + 100];
        System.arraycopy(req, 0, buf, 37, req.length);
        Reply r = reply(handler.handle(buf, 37, req.length, CLIENT, SocketRole.PP, recording));
        assertThat(r.from()).isEqualTo(SocketRole.PA);
    }

    @Test
    void otherMethodsGoToTheHook() {
        byte[] allocate = StunCodec.encodeWithFingerprint(new StunMessage(
                new MessageType(StunMethod.of(0x0A0), StunClass.REQUEST), TransactionId.random(), List.of()));
        List<StunMessage> seen = new ArrayList<>();
        Outcome marker = new Drop(DropReason.INTERNAL_ERROR);
        BindingHandler hooked = new BindingHandler(TWO, HandlerOptions.DEFAULT,
                (req, d, off, len, src, arrival, budget) -> {
                    seen.add(req);
                    return marker;
                });
        assertThat(handle(hooked, allocate, SocketRole.PP)).isSameAs(marker);
        assertThat(seen).hasSize(1);
        // Binding still goes to the Binding handler; garbage never reaches the hook.
        assertThat(handle(hooked, request(), SocketRole.PP)).isInstanceOf(Reply.class);
        assertThat(handle(hooked, new byte[5], SocketRole.PP)).isEqualTo(new Drop(DropReason.NOT_STUN));
        assertThat(seen).hasSize(1);
    }

    @Test
    void refusedBudgetDropsSuccessAndErrorReplies() {
        ReplyBudget none = (s, e) -> false;
        byte[] ok = request();
        byte[] unknown = request(new Attribute.Raw(AttributeType.of(0x7777), new byte[0]));
        assertThat(handler.handle(ok, 0, ok.length, CLIENT, SocketRole.PP, none)).isEqualTo(new Drop(DropReason.BUDGET));
        assertThat(handler.handle(unknown, 0, unknown.length, CLIENT, SocketRole.PP, none))
                .isEqualTo(new Drop(DropReason.BUDGET));
    }

    /** The sizes docs/server.md states in its worst-case amplification table. */
    @Test
    void replySizesMatchTheDocumentedAmplificationTable() {
        AdvertisedAddresses v6 = AdvertisedAddresses.of(ip("2001:db8::1"), ip("2001:db8::2"), 3478, 3479);
        InetSocketAddress v6src = new InetSocketAddress(ip("2001:db8::99"), 1234);
        byte[] plain = StunCodec.encode(StunMessage.bindingRequest());
        assertThat(plain.length).isEqualTo(20);
        assertThat(reply(handle(handler, plain, SocketRole.PP)).bytes().length).isEqualTo(76);
        BindingHandler sw = new BindingHandler(TWO, new HandlerOptions("natprobe 0.1.0-SNAPSHOT", true));
        assertThat(reply(handle(sw, plain, SocketRole.PP)).bytes().length).isEqualTo(104);
        BindingHandler h6 = new BindingHandler(v6, HandlerOptions.DEFAULT);
        assertThat(reply(h6.handle(plain, 0, 20, v6src, SocketRole.PP, recording)).bytes().length).isEqualTo(124);
        BindingHandler h6sw = new BindingHandler(v6, new HandlerOptions("natprobe 0.1.0-SNAPSHOT", true));
        assertThat(reply(h6sw.handle(plain, 0, 20, v6src, SocketRole.PP, recording)).bytes().length).isEqualTo(152);
        assertThat(reply(handle(handler, classic(), SocketRole.PP)).bytes().length).isEqualTo(56);
        byte[] unknown = StunCodec.encode(StunMessage.bindingRequest(new Attribute.Raw(AttributeType.of(0x7777), new byte[0])));
        assertThat(unknown.length).isEqualTo(24);
        assertThat(reply(handle(handler, unknown, SocketRole.PP)).bytes().length).isEqualTo(64);
        byte[] lowPort = StunCodec.encode(StunMessage.bindingRequest(new Attribute.ResponsePort(53)));
        assertThat(lowPort.length).isEqualTo(28);
        assertThat(reply(handle(handler, lowPort, SocketRole.PP)).bytes().length).isEqualTo(68);
        byte[] pad0 = StunCodec.encode(StunMessage.bindingRequest(new Attribute.Padding(0)));
        assertThat(pad0.length).isEqualTo(24);
        assertThat(reply(handle(handler, pad0, SocketRole.PP)).bytes().length).isEqualTo(80);
        assertThat(reply(h6.handle(pad0, 0, 24, v6src, SocketRole.PP, recording)).bytes().length).isEqualTo(128);
        byte[] pad56 = StunCodec.encode(StunMessage.bindingRequest(new Attribute.Padding(56)));
        assertThat(reply(handle(handler, pad56, SocketRole.PP)).bytes().length).isEqualTo(pad56.length);
    }
}
