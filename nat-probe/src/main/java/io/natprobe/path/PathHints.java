package io.natprobe.path;

import io.natprobe.classify.AddressHints;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What the routers on the path say about NATs the host cannot see. Hop 1 is the host's own router
 * (a private address is normal there). A later hop in 100.64.0.0/10 (RFC 6598, reserved for carrier-
 * grade NAT) means the home router's internet side is in the carrier's shared space: CGNAT. A private
 * address at hop 2 usually means a second home router in front of the first (double NAT); private
 * addresses further out are common inside providers' networks and say nothing.
 *
 * @param cgnat     a hop beyond the first lies in 100.64.0.0/10
 * @param doubleNat hop 2 has a private address
 * @param warnings  the evidence in plain words
 */
public record PathHints(boolean cgnat, boolean doubleNat, List<String> warnings) {

    public PathHints {
        warnings = List.copyOf(warnings);
    }

    public static PathHints of(List<Hop> hops) {
        boolean cgnat = false;
        boolean doubleNat = false;
        List<String> warnings = new ArrayList<>();
        for (Hop h : hops) {
            if (h.ttl() < 2 || h.from() == null || h.kind() == Hop.Kind.REACHED) continue;
            InetAddress a = h.from();
            if (AddressHints.isShared(a) && !cgnat) {
                cgnat = true;
                warnings.add("A router " + h.ttl() + " hops away answers from " + a.getHostAddress() + ", in "
                        + "100.64.0.0/10, the range carriers use for carrier-grade NAT (CGNAT): your router's own internet "
                        + "side is probably behind your provider's NAT, which you do not control.");
            } else if (h.ttl() == 2 && AddressHints.isPrivate(a)) {
                doubleNat = true;
                warnings.add("The router after yours answers from the private address " + a.getHostAddress()
                        + ": there are probably two NATs in a row (double NAT), e.g. a provider's modem in front of your router.");
            }
        }
        return new PathHints(cgnat, doubleNat, warnings);
    }
}
