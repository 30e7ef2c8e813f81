package io.natprobe.lab;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A topology placed on addresses and namespace names (pure; no I/O).
 * <ul>
 *   <li>"internet": a bridge in namespace {@code npl-ID-inet}, subnet 203.0.113.0/24 (TEST-NET-3);</li>
 *   <li>server namespace {@code npl-ID-srv} with 203.0.113.1 and 203.0.113.2;</li>
 *   <li>router i: namespace {@code npl-ID-r-NAME}, public 203.0.113.(10+i), LAN 10.0.(i+1).0/24
 *       (router .1, hosts .2..), hosts {@code npl-ID-h-NAME-J};</li>
 *   <li>behind a carrier NAT ({@code npl-ID-c-NAME}, public 203.0.113.(10+i)) the router's WAN is
 *       100.64.(i+1).2/24 (RFC 6598 shared address space) and the carrier's LAN 100.64.(i+1).1.</li>
 * </ul>
 * Every interface lives inside a lab namespace (veth pairs are created there directly), so
 * nothing is ever added to the root namespace, and deleting the namespaces removes everything.
 */
public record LabPlan(String id, LabTopology topology) {

    /** Every lab namespace starts with this; {@code lab down} recognises its own by it. */
    public static final String PREFIX = "npl-";
    public static final String SERVER_PRIMARY = "203.0.113.1";
    public static final String SERVER_ALTERNATE = "203.0.113.2";
    public static final String PUBLIC_PREFIX_LENGTH = "24";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{6}");

    public LabPlan {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("lab id must be 6 hex digits, not '" + id + "'");
        }
    }

    public static LabPlan create(LabTopology topology) {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        return new LabPlan(HexFormat.of().formatHex(b), topology);
    }

    /** The lab id of a namespace name, if it is one of ours. */
    public static Optional<String> idOfNamespace(String ns) {
        if (!ns.startsWith(PREFIX) || ns.length() < PREFIX.length() + 7) {
            return Optional.empty();
        }
        String id = ns.substring(PREFIX.length(), PREFIX.length() + 6);
        return ID.matcher(id).matches() && ns.charAt(PREFIX.length() + 6) == '-' ? Optional.of(id) : Optional.empty();
    }

    public String internetNamespace() {
        return PREFIX + id + "-inet";
    }

    public String serverNamespace() {
        return PREFIX + id + "-srv";
    }

    public List<RouterPlan> routers() {
        List<String> publics = new ArrayList<>(List.of(SERVER_PRIMARY, SERVER_ALTERNATE));
        for (int i = 0; i < topology.routers().size(); i++) {
            publics.add(publicAddress(i));
        }
        List<RouterPlan> out = new ArrayList<>();
        for (int i = 0; i < topology.routers().size(); i++) {
            RouterSpec spec = topology.routers().get(i);
            String cgn = cgnNet(i);
            String pub = publicAddress(i);
            List<String> remotes = publics.stream().filter(a -> !a.equals(pub)).toList();
            String lanNet = "10.0." + (i + 1);
            String ns = PREFIX + id + "-r-" + spec.name();
            List<HostPlan> hosts = new ArrayList<>();
            for (int j = 1; j <= spec.hosts(); j++) {
                hosts.add(new HostPlan(spec.name() + "-" + j, PREFIX + id + "-h-" + spec.name() + "-" + j,
                        lanNet + "." + (j + 1), lanNet + ".1", spec.name()));
            }
            Optional<RouterPlan> carrier = spec.carrier().map(c -> new RouterPlan(c, PREFIX + id + "-c-" + spec.name(),
                    pub, Optional.empty(), pub, cgn + ".1", cgn + ".0/24", remotes,
                    List.of(), Optional.empty()));
            String wan = carrier.isPresent() ? cgn + ".2" : pub;
            out.add(new RouterPlan(spec, ns, wan, carrier.map(RouterPlan::lanAddress), pub, lanNet + ".1",
                    lanNet + ".0/24", remotes, hosts, carrier));
        }
        return out;
    }

    public RouterPlan router(String name) {
        return routers().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no router named '" + name + "' in lab " + id));
    }

    public List<HostPlan> hosts() {
        return routers().stream().flatMap(r -> r.hosts().stream()).toList();
    }

    /** Every namespace of the lab, in creation order. */
    public List<String> namespaces() {
        List<String> ns = new ArrayList<>(List.of(internetNamespace(), serverNamespace()));
        for (RouterPlan r : routers()) {
            r.carrier().ifPresent(c -> ns.add(c.namespace()));
            ns.add(r.namespace());
            r.hosts().forEach(h -> ns.add(h.namespace()));
        }
        return ns;
    }

    /**
     * The namespace for a {@code lab exec} target: a host ({@code home-1}), a router ({@code home}),
     * a carrier ({@code home-cgn}), {@code server} or {@code internet}.
     */
    public Optional<String> namespaceOf(String target) {
        if (target.equals("server")) {
            return Optional.of(serverNamespace());
        }
        if (target.equals("internet")) {
            return Optional.of(internetNamespace());
        }
        for (RouterPlan r : routers()) {
            if (r.name().equals(target)) {
                return Optional.of(r.namespace());
            }
            if (r.carrier().isPresent() && target.equals(r.name() + "-cgn")) {
                return Optional.of(r.carrier().get().namespace());
            }
            for (HostPlan h : r.hosts()) {
                if (h.name().equals(target)) {
                    return Optional.of(h.namespace());
                }
            }
        }
        return Optional.empty();
    }

    private static String publicAddress(int i) {
        return "203.0.113." + (10 + i);
    }

    private static String cgnNet(int i) {
        return "100.64." + (i + 1);
    }
}
