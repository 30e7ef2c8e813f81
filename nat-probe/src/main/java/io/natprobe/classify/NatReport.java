package io.natprobe.classify;

import io.natprobe.lifetime.LifetimeResult;
import io.natprobe.net.TransactionRecord;
import java.util.List;
import java.util.Map;

/**
 * The result of one classification: flat and immutable. Every field is measured or explicitly not
 * tested: {@code null} for Booleans, addresses and lifetimes, {@code unknown}/{@code not-tested} for
 * behaviours. {@code evidence} maps each result ("mapping", "filtering", "hairpinning",
 * "portAllocation") to the labels of the transactions it was read from; {@code transactions} holds them.
 *
 * @param localAddress       the local address of the socket used for the mapping tests ("ip:port")
 * @param mappedAddress      the address the first server saw for it
 * @param portDelta          the step between consecutive new bindings when allocation is sequential
 * @param cgnatSuspected     the local or mapped address lies in 100.64.0.0/10 (RFC 6598 shared space)
 * @param doubleNatSuspected the server saw a private or shared address: there is another NAT further out
 * @param strays             datagrams that matched no transaction (late duplicates, unrelated traffic)
 */
public record NatReport(List<ServerInfo> servers, String localAddress, String mappedAddress,
                        MappingBehaviour mapping, FilteringBehaviour filtering, Boolean hairpinning,
                        Boolean portPreservation, PortAllocation portAllocation, Integer portDelta,
                        ClassicType classicType, boolean cgnatSuspected, boolean doubleNatSuspected,
                        LifetimeResult bindingLifetime, List<String> warnings,
                        Map<String, List<String>> evidence, long durationMs,
                        List<TransactionRecord> transactions, int strays) {

    public NatReport {
        servers = List.copyOf(servers);
        warnings = List.copyOf(warnings);
        evidence = Map.copyOf(evidence);
        transactions = List.copyOf(transactions);
    }

    /** True when at least one server answered. */
    public boolean anyServerAnswered() {
        return servers.stream().anyMatch(s -> s.support() != ServerInfo.Support.NO_ANSWER);
    }

    /** True when both mapping and filtering were determined. */
    public boolean complete() {
        return mapping != MappingBehaviour.UNKNOWN && filtering != FilteringBehaviour.UNKNOWN;
    }

    /** The same report with the evidence of the transaction layer and a lifetime added. */
    public NatReport with(List<TransactionRecord> tx, int strayCount, LifetimeResult lifetime) {
        return new NatReport(servers, localAddress, mappedAddress, mapping, filtering, hairpinning,
                portPreservation, portAllocation, portDelta, classicType, cgnatSuspected, doubleNatSuspected,
                lifetime, warnings, evidence, durationMs, tx, strayCount);
    }

    /** The same report with CGNAT / double-NAT hints found elsewhere (e.g. on the path) added. */
    public NatReport withHints(boolean cgnat, boolean doubleNat, List<String> moreWarnings) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.addAll(moreWarnings);
        return new NatReport(servers, localAddress, mappedAddress, mapping, filtering, hairpinning,
                portPreservation, portAllocation, portDelta, classicType, cgnatSuspected || cgnat,
                doubleNatSuspected || doubleNat, bindingLifetime, w, evidence, durationMs, transactions, strays);
    }

    /** A short key for comparing repeated runs: mapping, filtering, hairpinning, allocation. */
    public String verdictKey() {
        return mapping + "/" + filtering + "/hairpin=" + hairpinning + "/" + portAllocation;
    }
}
