package io.natprobe.net;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunClass;
import io.natprobe.stun.StunMessage;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One finished transaction as evidence, flat and printable: which test, from where to where, how many
 * sends, and what came back. Addresses are "ip:port" strings; absent values are null.
 *
 * @param outcome "answered", "error NNN", "timeout", "timeout (icmp port unreachable)" or "received" (hairpin)
 */
public record TransactionRecord(String label, String transactionId, int socket, String local, String to,
                                int sends, String outcome, Long rttMs, String from, String receivedOn,
                                String mappedAddress) {

    static TransactionRecord of(Outcome o, int sends) {
        Exchange e = o.exchange();
        String id = e.request().transactionId().toHex();
        if (o instanceof Outcome.Answered a) {
            StunMessage m = a.message();
            String outcome = switch (m.stunClass()) {
                case SUCCESS_RESPONSE -> "answered";
                case ERROR_RESPONSE -> "error " + m.get(Attribute.ErrorCode.class).map(c -> Integer.toString(c.code())).orElse("?");
                case REQUEST -> "received";
                case INDICATION -> "indication";
            };
            String mapped = mapped(m);
            return new TransactionRecord(e.label(), id, e.socket(), str(e.local()), str(e.to()), sends, outcome,
                    Duration.between(e.firstSent(), a.at()).toMillis(), str(a.from()), str(a.receivedOnLocal()), mapped);
        }
        Outcome.TimedOut t = (Outcome.TimedOut) o;
        return new TransactionRecord(e.label(), id, e.socket(), str(e.local()), str(e.to()), sends,
                t.portUnreachable() ? "timeout (icmp port unreachable)" : "timeout", null, null, null, null);
    }

    /** XOR-MAPPED-ADDRESS, else the legacy MAPPED-ADDRESS, as "ip:port"; null if neither (or not a success). */
    public static String mapped(StunMessage m) {
        if (m.stunClass() != StunClass.SUCCESS_RESPONSE) return null;
        return m.get(Attribute.XorMappedAddress.class).map(x -> str(x.address()))
                .or(() -> m.get(Attribute.MappedAddress.class).map(x -> str(x.address()))).orElse(null);
    }

    public static String str(InetSocketAddress a) {
        if (a == null) return null;
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
