package io.natprobe.report;

import io.natprobe.classify.ClassicType;
import io.natprobe.classify.FilteringBehaviour;
import io.natprobe.classify.MappingBehaviour;
import io.natprobe.classify.NatReport;
import io.natprobe.classify.PortAllocation;

/**
 * Plain-words consequences of a classification for peer-to-peer, following what was measured on real
 * Linux NATs (NAT-FACTS): a simultaneous punch works when either side filters endpoint-independently,
 * or either side is endpoint-independent mapping + address-dependent filtering, or both sides map
 * endpoint-independently; it fails when a destination-dependent mapping meets filtering that is not
 * endpoint-independent on the other side.
 */
public final class P2pAdvice {

    private P2pAdvice() {}

    public static String verdict(NatReport r) {
        return switch (r.classicType()) {
            case OPEN_INTERNET -> "No NAT and no firewall: this machine is directly reachable on the internet over UDP.";
            case SYMMETRIC_FIREWALL -> "No NAT, but a firewall: your address is public, yet only peers you have sent to may answer"
                    + (r.filtering() == FilteringBehaviour.ADDRESS_DEPENDENT ? " (from any port of theirs)." : " (from that exact port).");
            case FULL_CONE -> "Friendly NAT: one public port per socket, and anyone may send to it once it is open.";
            case RESTRICTED_CONE -> "Friendly NAT: one public port per socket; only addresses you have sent to may answer.";
            case PORT_RESTRICTED_CONE -> "Common home-router NAT: one public port per socket; only the exact address and port you sent to may answer.";
            case SYMMETRIC -> "Strict NAT: a new public port for every destination"
                    + (r.filtering() == FilteringBehaviour.ENDPOINT_INDEPENDENT ? ", but anyone may answer on an open port."
                    : ", and only the destination you sent to may answer.");
            case UDP_BLOCKED -> "No STUN server answered: UDP is blocked on this network, or no server runs at the address given.";
            case UNKNOWN -> "No complete verdict: " + (r.mapping() == MappingBehaviour.UNKNOWN ? "mapping" : "filtering")
                    + " could not be determined (see the warnings).";
        };
    }

    public static String peerToPeer(NatReport r) {
        MappingBehaviour m = r.mapping();
        FilteringBehaviour f = r.filtering();
        if (r.classicType() == ClassicType.UDP_BLOCKED) {
            return "No direct UDP connection is possible from this network; only a relay reached over TCP/TLS "
                    + "(for example TURN on port 443) will work.";
        }
        boolean eim = m == MappingBehaviour.ENDPOINT_INDEPENDENT || m == MappingBehaviour.NONE;
        boolean openFilter = f == FilteringBehaviour.ENDPOINT_INDEPENDENT || f == FilteringBehaviour.NONE;
        if (openFilter && m != MappingBehaviour.UNKNOWN) {
            return "Direct connections will work with peers behind any kind of NAT: your side lets their packets in.";
        }
        if (eim && f == FilteringBehaviour.ADDRESS_DEPENDENT) {
            return "Direct connections will work with peers behind any kind of NAT, as long as both sides send at "
                    + "about the same time (hole punching).";
        }
        if (eim && f == FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT) {
            return "Direct connections will work with peers whose NAT keeps one public port per socket "
                    + "(endpoint-independent mapping) or lets anyone in; with a peer whose NAT changes the port per "
                    + "destination and filters strictly, you will need a relay.";
        }
        if ((m == MappingBehaviour.ADDRESS_DEPENDENT || m == MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT
                || r.classicType() == ClassicType.SYMMETRIC) && f != FilteringBehaviour.UNKNOWN) {
            return "Direct connections will work only with peers whose NAT lets anyone in (endpoint-independent "
                    + "filtering) or keeps one port per socket and filters by address only; with every other peer "
                    + "you will need a relay." + prediction(r);
        }
        return "Not enough was measured to say which peers you can reach directly.";
    }

    private static String prediction(NatReport r) {
        if (r.portAllocation() == PortAllocation.SEQUENTIAL) {
            return " Your NAT hands out ports in sequence, so port prediction may rescue some of those cases.";
        }
        return "";
    }

    public static String portPrediction(NatReport r) {
        return switch (r.portAllocation()) {
            case PRESERVING -> "your public port equals your local port, so a peer can predict it";
            case SEQUENTIAL -> "new bindings get ports in steps of " + r.portDelta()
                    + "; the next port can be guessed while nothing else uses the NAT";
            case RANDOM -> "new bindings get random ports; they cannot be predicted";
            case NONE -> "no translation: ports are your own";
            case NOT_TESTED -> "not enough answers to tell";
        };
    }
}
