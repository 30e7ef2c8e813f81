package io.natprobe.report.support;

/**
 * Plain words for the wire values of {@code natprobe.classify/1} (the same phrases as the classify
 * text output). Values this version does not know are shown as they are.
 */
final class Words {
    private Words() {}

    static String mapping(String wire) {
        if (wire == null) return "not in the input";
        return switch (wire) {
            case "endpoint-independent" -> "the same public port for every destination";
            case "address-dependent" -> "a new public port for every destination address";
            case "address-and-port-dependent" -> "a new public port for every destination address and port";
            case "none" -> "no translation (the public address is the local one)";
            case "unknown" -> "could not be determined";
            default -> "(a value this natprobe does not know)";
        };
    }

    static String filtering(String wire) {
        if (wire == null) return "not in the input";
        return switch (wire) {
            case "endpoint-independent" -> "anyone may send in once a port is open";
            case "address-dependent" -> "only addresses this side has sent to may send in";
            case "address-and-port-dependent" -> "only the exact address and port this side sent to may send in";
            case "none" -> "nothing is filtered";
            case "unknown" -> "could not be determined";
            default -> "(a value this natprobe does not know)";
        };
    }

    static String allocation(String wire, Long delta) {
        if (wire == null) return "not in the input";
        return switch (wire) {
            case "preserving" -> "the public port equals the local port, so a peer can predict it";
            case "sequential" -> "new bindings get ports in steps of " + (delta == null ? "?" : delta)
                    + "; the next port can be guessed while nothing else uses the NAT";
            case "random" -> "new bindings get random ports; they cannot be predicted";
            case "none" -> "no translation: ports are the host's own";
            case "not-tested" -> "not enough answers to tell";
            default -> "(a value this natprobe does not know)";
        };
    }

    static String hairpinning(Boolean h) {
        if (h == null) return "not tested";
        return h ? "yes - two devices behind this NAT can reach each other through its public address"
                : "no - devices behind this NAT cannot reach each other through its public address";
    }

    /** True for mapping values under which a peer can use the address the server saw. */
    static boolean keepsPort(String mapping) {
        return "endpoint-independent".equals(mapping) || "none".equals(mapping);
    }

    static boolean letsAnyoneIn(String filtering) {
        return "endpoint-independent".equals(filtering) || "none".equals(filtering);
    }

    static boolean known(String v) {
        return v != null && (v.equals("endpoint-independent") || v.equals("address-dependent")
                || v.equals("address-and-port-dependent") || v.equals("none"));
    }
}
