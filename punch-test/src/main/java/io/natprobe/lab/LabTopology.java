package io.natprobe.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a lab is made of: the public server (always two addresses, for RFC 5780 tests) and the NAT
 * routers, each with its hosts and optionally a carrier-grade NAT in front of it.
 */
public record LabTopology(List<RouterSpec> routers) {

    /** Routers get WAN addresses 203.0.113.10.. and LANs 10.0.1.0/24.., so the count is bounded. */
    public static final int MAX_ROUTERS = 40;

    public LabTopology {
        routers = List.copyOf(routers);
        if (routers.isEmpty()) {
            throw new IllegalArgumentException("a lab needs at least one NAT router (--nat NAME=MAPPING,FILTERING)");
        }
        if (routers.size() > MAX_ROUTERS) {
            throw new IllegalArgumentException("at most " + MAX_ROUTERS + " routers, not " + routers.size());
        }
        Set<String> names = new HashSet<>();
        for (RouterSpec r : routers) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("router name '" + r.name() + "' is used twice");
            }
        }
    }

    public RouterSpec router(String name) {
        return routers.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no router named '" + name + "'"));
    }

    /** The topology as the lines of a topology file (see {@link TopologyFile}); parses back to an equal value. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        for (RouterSpec r : routers) {
            lines.add("nat " + r.name() + "=" + r.options());
        }
        for (RouterSpec r : routers) {
            r.carrier().ifPresent(c -> lines.add("cgnat " + r.name() + "=" + c.options()));
        }
        return lines;
    }
}
