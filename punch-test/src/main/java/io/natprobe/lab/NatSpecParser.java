package io.natprobe.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the lab's router notation: {@code NAME=MAPPING,FILTERING[,hairpin][,timeout=S]
 * [,stream-timeout=S][,loss=P%][,inbound=kernel|drop|reject][,icmp=forward|block][,hosts=N]}.
 * Mapping: {@code eim} (endpoint-independent), {@code eim-np} (endpoint-independent without port
 * preservation), {@code adm} (address-dependent), {@code apdm} (address-and-port-dependent).
 * Filtering: {@code eif}, {@code adf}, {@code apdf}. The long RFC 4787 terms work too.
 * Every error names the value and what was expected.
 */
public final class NatSpecParser {

    private NatSpecParser() {}

    /** Parses {@code NAME=OPTIONS}. */
    public static RouterSpec parse(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + value + "' is not NAME=MAPPING,FILTERING (e.g. home=eim,apdf)");
        }
        return parseOptions(value.substring(0, eq).trim(), value.substring(eq + 1));
    }

    /** Parses the part after {@code NAME=}. */
    public static RouterSpec parseOptions(String name, String options) {
        String[] parts = options.trim().split("\\s*,\\s*");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("router " + name + ": '" + options
                    + "' needs at least MAPPING,FILTERING (e.g. eim,apdf)");
        }
        String m = parts[0].toLowerCase(Locale.ROOT);
        MappingBehavior mapping;
        boolean preserve = false;
        switch (m) {
            case "eim", "endpoint-independent" -> {
                mapping = MappingBehavior.ENDPOINT_INDEPENDENT;
                preserve = true;
            }
            case "eim-np", "endpoint-independent-no-port-preservation" -> mapping = MappingBehavior.ENDPOINT_INDEPENDENT;
            case "adm", "address-dependent" -> mapping = MappingBehavior.ADDRESS_DEPENDENT;
            case "apdm", "address-and-port-dependent" -> mapping = MappingBehavior.ADDRESS_AND_PORT_DEPENDENT;
            default -> throw new IllegalArgumentException("router " + name + ": unknown mapping '" + parts[0]
                    + "' (expected: eim, eim-np, adm or apdm)");
        }
        FilteringBehavior filtering = switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "eif", "endpoint-independent" -> FilteringBehavior.ENDPOINT_INDEPENDENT;
            case "adf", "address-dependent" -> FilteringBehavior.ADDRESS_DEPENDENT;
            case "apdf", "address-and-port-dependent" -> FilteringBehavior.ADDRESS_AND_PORT_DEPENDENT;
            default -> throw new IllegalArgumentException("router " + name + ": unknown filtering '" + parts[1]
                    + "' (expected: eif, adf or apdf)");
        };
        boolean hairpin = false;
        int timeout = RouterSpec.DEFAULT_UDP_TIMEOUT;
        int stream = RouterSpec.DEFAULT_STREAM_TIMEOUT;
        int loss = 0;
        int hosts = 1;
        InboundPolicy inbound = InboundPolicy.KERNEL;
        IcmpPolicy icmp = IcmpPolicy.FORWARD;
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT);
            String val = eq < 0 ? null : p.substring(eq + 1).trim();
            if (seen.put(key, p) != null) {
                throw new IllegalArgumentException("router " + name + ": option '" + key + "' given twice");
            }
            switch (key) {
                case "hairpin" -> hairpin = flag(name, key, val);
                case "timeout" -> timeout = seconds(name, key, val);
                case "stream-timeout" -> stream = seconds(name, key, val);
                case "loss" -> loss = percent(name, val);
                case "hosts" -> hosts = integer(name, key, val);
                case "inbound" -> inbound = choice(name, key, val, InboundPolicy.class);
                case "icmp" -> icmp = choice(name, key, val, IcmpPolicy.class);
                default -> throw new IllegalArgumentException("router " + name + ": unknown option '" + p
                        + "' (expected: hairpin, timeout=S, stream-timeout=S, loss=P%, inbound=kernel|drop|reject,"
                        + " icmp=forward|block, hosts=N)");
            }
        }
        return new RouterSpec(name, mapping, preserve, filtering, hairpin, timeout, stream, inbound, icmp, loss,
                hosts, Optional.empty());
    }

    /**
     * Builds a topology from repeated {@code --nat} values and {@code --cgnat NAME[=OPTIONS]} values
     * (a bare name gets {@link RouterSpec#defaultCarrier}).
     */
    public static LabTopology topology(List<String> nats, List<String> cgnats) {
        List<RouterSpec> routers = new ArrayList<>();
        for (String n : nats) {
            routers.add(parse(n));
        }
        for (String c : cgnats) {
            int eq = c.indexOf('=');
            String name = (eq < 0 ? c : c.substring(0, eq)).trim();
            int idx = indexOf(routers, name);
            if (idx < 0) {
                throw new IllegalArgumentException("--cgnat " + name + ": no router named '" + name
                        + "' (define it first with --nat " + name + "=MAPPING,FILTERING)");
            }
            RouterSpec inner = routers.get(idx);
            if (inner.carrier().isPresent()) {
                throw new IllegalArgumentException("--cgnat " + name + " given twice");
            }
            RouterSpec carrier = eq < 0 ? RouterSpec.defaultCarrier(name) : parseOptions(name, c.substring(eq + 1));
            if (carrier.hosts() != 1) {
                throw new IllegalArgumentException("--cgnat " + name + ": a carrier NAT has no hosts of its own");
            }
            routers.set(idx, inner.withCarrier(carrier));
        }
        return new LabTopology(routers);
    }

    private static int indexOf(List<RouterSpec> routers, String name) {
        for (int i = 0; i < routers.size(); i++) {
            if (routers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean flag(String name, String key, String val) {
        if (val == null || val.equalsIgnoreCase("on") || val.equalsIgnoreCase("true") || val.equalsIgnoreCase("yes")) {
            return true;
        }
        if (val.equalsIgnoreCase("off") || val.equalsIgnoreCase("false") || val.equalsIgnoreCase("no")) {
            return false;
        }
        throw new IllegalArgumentException("router " + name + ": " + key + "=" + val + " (expected: on or off)");
    }

    private static int seconds(String name, String key, String val) {
        String v = val == null ? null : val.endsWith("s") ? val.substring(0, val.length() - 1) : val;
        return integer(name, key, v);
    }

    private static int percent(String name, String val) {
        String v = val == null ? null : val.endsWith("%") ? val.substring(0, val.length() - 1) : val;
        return integer(name, "loss", v);
    }

    private static int integer(String name, String key, String val) {
        if (val == null || val.isEmpty()) {
            throw new IllegalArgumentException("router " + name + ": " + key + " needs a value (" + key + "=N)");
        }
        try {
            return Integer.parseInt(val.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("router " + name + ": " + key + "=" + val + " is not a whole number");
        }
    }

    private static <E extends Enum<E>> E choice(String name, String key, String val, Class<E> type) {
        if (val != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(val)) {
                    return e;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("router " + name + ": " + key + "=" + val + " (expected: "
                + String.join(" or ", names) + ")");
    }
}
