package io.natprobe.lab;

/**
 * What a host behind a router should see, given the router and (if any) the carrier NAT in front
 * of it: in a chain of NATs a packet must pass both, so filtering is the stricter of the two and
 * mapping the more destination-dependent one; the binding lives as long as the shorter timeout.
 */
public record Expectation(
        MappingBehavior mapping,
        boolean preservePort,
        FilteringBehavior filtering,
        int udpTimeout,
        int streamTimeout,
        int lossPercent) {

    public static Expectation of(RouterSpec r) {
        Expectation e = new Expectation(r.mapping(), r.preservePort(), r.filtering(), r.udpTimeout(),
                r.streamTimeout(), r.lossPercent());
        if (r.carrier().isEmpty()) {
            return e;
        }
        RouterSpec c = r.carrier().get();
        MappingBehavior m = r.mapping().compareTo(c.mapping()) >= 0 ? r.mapping() : c.mapping();
        // Independent losses: a packet survives only if both routers let it through.
        int loss = (int) Math.round(100 - (100 - r.lossPercent()) * (100 - c.lossPercent()) / 100.0);
        return new Expectation(m, r.preservePort() && c.preservePort(), r.filtering().stricter(c.filtering()),
                Math.min(r.udpTimeout(), c.udpTimeout()), Math.min(r.streamTimeout(), c.streamTimeout()), loss);
    }

    /** The mapping as the self-check reports it. */
    public String mappingLabel() {
        return mapping.abbreviation() + (mapping == MappingBehavior.ENDPOINT_INDEPENDENT && !preservePort ? "(no port preservation)" : "");
    }
}
