package io.natprobe.sim;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.AttributeType;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory STUN server on the simulated internet, in one of several personalities, so the
 * classifier can be tested against servers it will meet: a full RFC 5780 server (four sockets PP, PA,
 * AP, AA), a plain RFC 8489 server (one socket, refuses CHANGE-REQUEST and RESPONSE-PORT with 420), a
 * server that silently ignores CHANGE-REQUEST, and a legacy RFC 3489 server (MAPPED-ADDRESS,
 * CHANGED-ADDRESS, SOURCE-ADDRESS). Optionally it ignores a 4-byte RESPONSE-PORT, like stuntman.
 */
public final class SimStunServer {

    public enum Kind { RFC5780, PLAIN, IGNORES_CHANGE_REQUEST, LEGACY_3489 }

    private final SimNetwork net;
    private final Kind kind;
    private final InetAddress primaryIp;
    private final InetAddress altIp;
    private final int primaryPort;
    private final int altPort;
    private boolean ignoresLongResponsePort;
    private boolean ignoresResponsePort;
    private boolean ignoresShortResponsePort;
    private int requests;

    public SimStunServer(SimNetwork net, Kind kind, InetAddress primaryIp, InetAddress altIp, int primaryPort, int altPort) {
        this.net = net;
        this.kind = kind;
        this.primaryIp = primaryIp;
        this.altIp = altIp;
        this.primaryPort = primaryPort;
        this.altPort = altPort;
        bind(primaryIp, primaryPort);
        if (kind == Kind.RFC5780 || kind == Kind.LEGACY_3489) {
            bind(primaryIp, altPort);
            bind(altIp, primaryPort);
            bind(altIp, altPort);
        }
    }

    /** Like stuntman: a RESPONSE-PORT with a 4-byte value is silently ignored. */
    public SimStunServer ignoringLongResponsePort() {
        this.ignoresLongResponsePort = true;
        return this;
    }

    /** Honours only the 4-byte RESPONSE-PORT form (ignores the RFC's 2-byte drawing). */
    public SimStunServer ignoringShortResponsePort() {
        this.ignoresShortResponsePort = true;
        return this;
    }

    /** Ignores RESPONSE-PORT of any length (answers to the source). */
    public SimStunServer ignoringResponsePort() {
        this.ignoresResponsePort = true;
        return this;
    }

    public InetSocketAddress primary() {
        return new InetSocketAddress(primaryIp, primaryPort);
    }

    public int requests() {
        return requests;
    }

    private void bind(InetAddress ip, int port) {
        InetSocketAddress local = new InetSocketAddress(ip, port);
        net.bind(net.internet(), local, p -> handle(local, p));
    }

    private void handle(InetSocketAddress local, Packet p) {
        StunMessage req;
        try {
            req = StunCodec.decode(p.data());
        } catch (StunParseException e) {
            return;
        }
        if (!req.type().equals(MessageType.BINDING_REQUEST)) return;
        requests++;
        var change = req.get(Attribute.ChangeRequest.class);
        var responsePort = req.get(Attribute.ResponsePort.class);
        if (kind == Kind.PLAIN || (kind == Kind.LEGACY_3489 && responsePort.isPresent())) {
            List<Integer> unknown = new ArrayList<>();
            if (kind == Kind.PLAIN && change.isPresent()) unknown.add(AttributeType.CHANGE_REQUEST.code());
            if (responsePort.isPresent()) unknown.add(AttributeType.RESPONSE_PORT.code());
            if (!unknown.isEmpty()) {
                StunMessage err = StunMessage.of(MessageType.BINDING_ERROR, req.transactionId(),
                        new Attribute.ErrorCode(420, "Unknown Attribute"), new Attribute.UnknownAttributes(unknown));
                net.send(net.internet(), new Packet(local, p.from(), StunCodec.encode(err)));
                return;
            }
        }
        boolean changeIp = kind != Kind.IGNORES_CHANGE_REQUEST && kind != Kind.PLAIN && change.map(Attribute.ChangeRequest::changeIp).orElse(false);
        boolean changePort = kind != Kind.IGNORES_CHANGE_REQUEST && kind != Kind.PLAIN && change.map(Attribute.ChangeRequest::changePort).orElse(false);
        InetAddress fromIp = changeIp ? other(local.getAddress()) : local.getAddress();
        int fromPort = changePort ? (local.getPort() == primaryPort ? altPort : primaryPort) : local.getPort();
        InetSocketAddress origin = new InetSocketAddress(fromIp, fromPort);
        InetSocketAddress dst = p.from();
        if (responsePort.isPresent() && kind == Kind.RFC5780 && !ignoresResponsePort
                && !(ignoresLongResponsePort && responsePort.get().valueLength() == 4)
                && !(ignoresShortResponsePort && responsePort.get().valueLength() == 2)) {
            dst = new InetSocketAddress(dst.getAddress(), responsePort.get().port());
        }
        InetSocketAddress other = new InetSocketAddress(other(local.getAddress()),
                local.getPort() == primaryPort ? altPort : primaryPort);
        List<Attribute> attrs = new ArrayList<>();
        switch (kind) {
            case LEGACY_3489 -> {
                attrs.add(new Attribute.MappedAddress(p.from()));
                attrs.add(new Attribute.SourceAddress(origin));
                attrs.add(new Attribute.ChangedAddress(other));
            }
            case RFC5780 -> {
                attrs.add(new Attribute.XorMappedAddress(p.from()));
                attrs.add(new Attribute.ResponseOrigin(origin));
                attrs.add(new Attribute.OtherAddress(other));
            }
            default -> attrs.add(new Attribute.XorMappedAddress(p.from()));
        }
        StunMessage resp = new StunMessage(MessageType.BINDING_SUCCESS, req.transactionId(), attrs);
        net.send(net.internet(), new Packet(origin, dst, StunCodec.encode(resp)));
    }

    private InetAddress other(InetAddress ip) {
        return ip.equals(primaryIp) ? altIp : primaryIp;
    }
}
