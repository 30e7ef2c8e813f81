package io.natprobe.classify;

import io.natprobe.net.Action;
import io.natprobe.net.Outcome;
import io.natprobe.net.TransactionRecord;
import io.natprobe.stun.Attribute;
import io.natprobe.stun.StunClass;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the outcomes of an {@link Rfc5780Plan} run into a {@link NatReport}; pure. */
final class Rfc5780Verdict {

    private final List<InetSocketAddress> servers;
    private final Map<String, Action.Send<NatReport>> sent;
    private final Map<String, Outcome> outcomes;
    private final Integer fullServer;
    private final int allocationServer;
    private final Instant startedAt;
    private final Instant now;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, List<String>> evidence = new LinkedHashMap<>();

    Rfc5780Verdict(List<InetSocketAddress> servers, Map<String, Action.Send<NatReport>> sent,
                   Map<String, Outcome> outcomes, Integer fullServer, int allocationServer, Instant startedAt, Instant now) {
        this.servers = servers;
        this.sent = sent;
        this.outcomes = outcomes;
        this.fullServer = fullServer;
        this.allocationServer = allocationServer;
        this.startedAt = startedAt;
        this.now = now;
    }

    /** OTHER-ADDRESS, else the legacy CHANGED-ADDRESS, of a success response; null otherwise. */
    static InetSocketAddress otherAddress(Outcome o) {
        if (!(o instanceof Outcome.Answered a) || a.message().stunClass() != StunClass.SUCCESS_RESPONSE) return null;
        return a.message().get(Attribute.OtherAddress.class).map(Attribute.OtherAddress::address)
                .or(() -> a.message().get(Attribute.ChangedAddress.class).map(Attribute.ChangedAddress::address))
                .orElse(null);
    }

    /** XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS, of a success response; null otherwise. */
    static InetSocketAddress mapped(Outcome o) {
        if (!(o instanceof Outcome.Answered a) || a.message().stunClass() != StunClass.SUCCESS_RESPONSE) return null;
        return a.message().get(Attribute.XorMappedAddress.class).map(Attribute.XorMappedAddress::address)
                .or(() -> a.message().get(Attribute.MappedAddress.class).map(Attribute.MappedAddress::address))
                .orElse(null);
    }

    private static boolean success(Outcome o) {
        return o instanceof Outcome.Answered a && a.message().stunClass() == StunClass.SUCCESS_RESPONSE;
    }

    NatReport report() {
        List<ServerInfo> infos = serverInfos();
        boolean anyAnswer = outcomes.values().stream().anyMatch(o -> o instanceof Outcome.Answered);
        Outcome first = firstMappingAnswer();
        InetSocketAddress local = outcomes.get(Labels.mappingI(0)) != null
                ? outcomes.get(Labels.mappingI(0)).exchange().local() : null;
        InetSocketAddress mapped = first == null ? null : mapped(first);
        Boolean natPresent = mapped == null ? null : !mapped.equals(local);

        boolean[] dependsOnDestination = {false};
        MappingBehaviour mapping = mapping(natPresent, dependsOnDestination);
        FilteringBehaviour filtering = filtering(natPresent);
        Boolean hairpin = hairpinning();
        PortPattern.Result ports = portPattern(natPresent);
        boolean cgnat = false;
        boolean doubleNat = false;
        if (local != null && AddressHints.isShared(local.getAddress())) {
            cgnat = true;
            warnings.add("Your own address " + local.getAddress().getHostAddress() + " is in 100.64.0.0/10, the range "
                    + "carriers use behind a carrier-grade NAT (CGNAT): there is probably a second NAT you do not control.");
        }
        if (mapped != null && !mapped.getAddress().isLoopbackAddress() && !isLocalServer()) {
            InetAddress m = mapped.getAddress();
            if (AddressHints.isShared(m)) {
                cgnat = true;
                doubleNat = true;
                warnings.add("The server sees you at " + m.getHostAddress() + " (100.64.0.0/10, carrier-grade NAT space): "
                        + "the server is inside your carrier's network, or there is another NAT further out.");
            } else if (AddressHints.isPrivate(m)) {
                doubleNat = true;
                warnings.add("The server sees you at the private address " + m.getHostAddress()
                        + ": there is another NAT between that server and the internet (double NAT).");
            }
        }
        if (!anyAnswer) {
            warnings.add("No server answered: UDP to " + servers.stream().map(TransactionRecord::str).toList()
                    + " is blocked, or no STUN server runs there" + (icmpSeen() ? " (the server's host answered "
                    + "\"port unreachable\": nothing listens on that port)" : "") + ".");
        }
        ClassicType classic = ClassicType.derive(anyAnswer, mapping, filtering, dependsOnDestination[0]);
        return new NatReport(infos, TransactionRecord.str(local), TransactionRecord.str(mapped), mapping, filtering,
                hairpin, ports.preservation(), ports.allocation(), ports.delta(), classic, cgnat, doubleNat, null,
                warnings, evidence, Duration.between(startedAt, now).toMillis(), List.of(), 0);
    }

    private boolean isLocalServer() {
        return servers.stream().allMatch(s -> s.getAddress() != null
                && (s.getAddress().isLoopbackAddress() || AddressHints.isPrivate(s.getAddress())
                || AddressHints.isShared(s.getAddress())));
    }

    private boolean icmpSeen() {
        return outcomes.values().stream().anyMatch(o -> o instanceof Outcome.TimedOut t && t.portUnreachable());
    }

    private List<ServerInfo> serverInfos() {
        List<ServerInfo> infos = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            Outcome o = outcomes.get(Labels.mappingI(i));
            ServerInfo.Support support;
            String other = null;
            String software = null;
            if (o instanceof Outcome.Answered a) {
                software = a.message().get(Attribute.Software.class).map(Attribute.Software::text).orElse(null);
                var oa = a.message().get(Attribute.OtherAddress.class);
                var ca = a.message().get(Attribute.ChangedAddress.class);
                if (oa.isPresent()) {
                    support = ServerInfo.Support.RFC5780;
                    other = TransactionRecord.str(oa.get().address());
                } else if (ca.isPresent()) {
                    support = ServerInfo.Support.LEGACY_RFC3489;
                    other = TransactionRecord.str(ca.get().address());
                } else {
                    support = ServerInfo.Support.NO_RFC5780;
                }
                if (a.message().stunClass() == StunClass.ERROR_RESPONSE) {
                    warnings.add("Server " + TransactionRecord.str(servers.get(i)) + " answered a plain Binding request with an error: "
                            + a.message().get(Attribute.ErrorCode.class).map(e -> e.code() + " " + e.reason()).orElse("(no code)") + ".");
                }
            } else {
                support = ServerInfo.Support.NO_ANSWER;
                if (o != null && !outcomes.isEmpty() && outcomes.values().stream().anyMatch(x -> x instanceof Outcome.Answered)) {
                    warnings.add("Server " + TransactionRecord.str(servers.get(i)) + " did not answer.");
                }
            }
            infos.add(new ServerInfo(TransactionRecord.str(servers.get(i)), support, other, software));
        }
        if (fullServer == null && infos.stream().anyMatch(s -> s.support() == ServerInfo.Support.NO_RFC5780)) {
            warnings.add("No server given supports RFC 5780 NAT behaviour discovery (its answers carry no OTHER-ADDRESS), "
                    + "so filtering cannot be tested" + (servers.size() > 1 ? "; mapping was judged by comparing what "
                    + "the different servers saw." : "; give a second server with --server to judge mapping."));
        }
        if (fullServer != null && infos.get(fullServer).support() == ServerInfo.Support.LEGACY_RFC3489) {
            warnings.add("Server " + infos.get(fullServer).address() + " is a legacy RFC 3489 server (CHANGED-ADDRESS); "
                    + "it was used for the tests, which it supports in the same way.");
        }
        return infos;
    }

    private Outcome firstMappingAnswer() {
        for (int i = 0; i < servers.size(); i++) {
            Outcome o = outcomes.get(Labels.mappingI(i));
            if (mapped(o) != null) return o;
        }
        return null;
    }

    private MappingBehaviour mapping(Boolean natPresent, boolean[] dependsOnDestination) {
        if (natPresent == null) return MappingBehaviour.UNKNOWN;
        if (!natPresent) {
            evidence.put("mapping", List.of(firstMappingAnswer().exchange().label()));
            return MappingBehaviour.NONE;
        }
        if (fullServer != null) {
            String i = Labels.mappingI(fullServer);
            evidence.put("mapping", List.of(i, Labels.MAPPING_II, Labels.MAPPING_III));
            InetSocketAddress m1 = mapped(outcomes.get(i));
            InetSocketAddress m2 = mapped(outcomes.get(Labels.MAPPING_II));
            InetSocketAddress m3 = mapped(outcomes.get(Labels.MAPPING_III));
            MappingBehaviour result;
            if (m2 == null) {
                warnings.add("The server's alternate address " + TransactionRecord.str(sent.get(Labels.MAPPING_II).to())
                        + " never answered, so mapping could not be tested.");
                result = MappingBehaviour.UNKNOWN;
            } else if (m2.equals(m1)) {
                result = MappingBehaviour.ENDPOINT_INDEPENDENT;
            } else if (m3 == null) {
                dependsOnDestination[0] = true;
                warnings.add("Your NAT gives a new public port per destination, but test III got no answer, so "
                        + "address-dependent and address-and-port-dependent mapping cannot be told apart.");
                result = MappingBehaviour.UNKNOWN;
            } else {
                result = m3.equals(m2) ? MappingBehaviour.ADDRESS_DEPENDENT : MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT;
            }
            crossCheck(result, m1);
            return result;
        }
        // No RFC 5780 server: compare the mappings different servers saw for the same socket.
        List<String> labels = new ArrayList<>();
        List<InetSocketAddress> seen = new ArrayList<>();
        for (int k = 0; k < servers.size(); k++) {
            InetSocketAddress m = mapped(outcomes.get(Labels.mappingI(k)));
            if (m != null) {
                labels.add(Labels.mappingI(k));
                seen.add(m);
            }
        }
        evidence.put("mapping", labels);
        if (seen.size() < 2) return MappingBehaviour.UNKNOWN;
        if (seen.stream().distinct().count() == 1) return MappingBehaviour.ENDPOINT_INDEPENDENT;
        dependsOnDestination[0] = true;
        warnings.add("Different servers saw different public ports for the same socket: your NAT maps per destination "
                + "(address-dependent or address-and-port-dependent; an RFC 5780 server can tell which).");
        return MappingBehaviour.UNKNOWN;
    }

    private void crossCheck(MappingBehaviour result, InetSocketAddress m1) {
        if (result != MappingBehaviour.ENDPOINT_INDEPENDENT) return;
        for (int k = 0; k < servers.size(); k++) {
            InetSocketAddress m = mapped(outcomes.get(Labels.mappingI(k)));
            if (m != null && !m.equals(m1)) {
                warnings.add("Server " + TransactionRecord.str(servers.get(k)) + " saw " + TransactionRecord.str(m)
                        + " while the RFC 5780 server saw " + TransactionRecord.str(m1)
                        + ": the mapping is not the same for every destination after all.");
            }
        }
    }

    private FilteringBehaviour filtering(Boolean natPresent) {
        if (fullServer == null) {
            if (refusedChangeRequest(List.copyOf(outcomes.keySet()))) {
                warnings.add("The server refused CHANGE-REQUEST (error 420): it cannot test filtering.");
            }
            return FilteringBehaviour.UNKNOWN;
        }
        String suffix = fullServer == 0 ? "" : " server " + (fullServer + 1);
        InetSocketAddress primary = servers.get(fullServer);
        List<String> ii = List.of(Labels.FILTERING_II + suffix, Labels.FILTERING_II + suffix + " (repeat)");
        List<String> iii = List.of(Labels.FILTERING_III + suffix, Labels.FILTERING_III + suffix + " (repeat)");
        List<String> ev = new ArrayList<>(ii);
        ev.addAll(iii);
        evidence.put("filtering", ev);
        boolean ignored = false;
        boolean passII = false;
        boolean passIII = false;
        for (String l : ii) {
            if (outcomes.get(l) instanceof Outcome.Answered a && success(a)) {
                if (a.from().getAddress().equals(primary.getAddress())) ignored = true;
                else passII = true;
            }
        }
        for (String l : iii) {
            if (outcomes.get(l) instanceof Outcome.Answered a && success(a)) {
                if (a.from().getPort() == primary.getPort()) ignored = true;
                else passIII = true;
            }
        }
        if (ignored) {
            warnings.add("The server answered a CHANGE-REQUEST from the address it was asked to change: it ignores "
                    + "CHANGE-REQUEST, so filtering cannot be tested with it.");
            return FilteringBehaviour.UNKNOWN;
        }
        if (!passII && !passIII && refusedChangeRequest(ev)) {
            warnings.add("The server refused CHANGE-REQUEST (error 420): it cannot test filtering.");
            return FilteringBehaviour.UNKNOWN;
        }
        if (passII) return Boolean.FALSE.equals(natPresent) ? FilteringBehaviour.NONE : FilteringBehaviour.ENDPOINT_INDEPENDENT;
        if (passIII) return FilteringBehaviour.ADDRESS_DEPENDENT;
        // Silence means filtering only if the alternate address is known to work (mapping tests II/III reached it).
        if (success(outcomes.get(Labels.MAPPING_II)) || success(outcomes.get(Labels.MAPPING_III))) {
            return FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT;
        }
        warnings.add("The server's alternate address never answered, so silence in the filtering tests proves nothing.");
        return FilteringBehaviour.UNKNOWN;
    }

    private boolean refusedChangeRequest(List<String> labels) {
        return labels.stream().anyMatch(l -> l.startsWith("filtering")
                && outcomes.get(l) instanceof Outcome.Answered a && a.message().stunClass() == StunClass.ERROR_RESPONSE);
    }

    private Boolean hairpinning() {
        if (!sent.containsKey(Labels.HAIRPIN_A)) return null;
        evidence.put("hairpinning", List.of(Labels.HAIRPIN_A, Labels.HAIRPIN_B));
        for (String l : List.of(Labels.HAIRPIN_A, Labels.HAIRPIN_B)) {
            // Our own token, arriving as a request on the other socket: it went out to the NAT and came back.
            if (outcomes.get(l) instanceof Outcome.Answered a && a.message().stunClass() == StunClass.REQUEST
                    && a.receivedOn() != a.exchange().socket()) {
                return true;
            }
        }
        return false;
    }

    private PortPattern.Result portPattern(Boolean natPresent) {
        List<PortPattern.Sample> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        // The bindings of one server only: the tests moved to a later server when the first was silent. Then
        // test I's binding is left out too: it was made long before the re-sent ones (sequential gaps).
        if (allocationServer == 0) candidates.add(Labels.mappingI(0));
        for (int k = 0; k < 16; k++) candidates.add(Labels.allocation(k, allocationServer));
        for (String l : candidates) {
            Outcome o = outcomes.get(l);
            InetSocketAddress m = mapped(o);
            if (m != null) {
                samples.add(new PortPattern.Sample(o.exchange().local().getPort(), m.getPort()));
                labels.add(l);
            }
        }
        evidence.put("portAllocation", labels);
        return PortPattern.of(samples, !Objects.equals(natPresent, Boolean.FALSE) && natPresent != null);
    }
}
