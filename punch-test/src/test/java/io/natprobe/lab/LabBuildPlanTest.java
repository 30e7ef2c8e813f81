package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabBuildPlanTest {

    static final LabPlan PLAN = LabPlanTest.PLAN;

    @Test
    void everyInterfaceIsCreatedInsideALabNamespace() {
        List<List<Command>> phases = LabBuildPlan.phases(PLAN);
        for (List<Command> phase : phases) {
            for (Command c : phase) {
                if (c.stdin().contains("link add")) {
                    // ip -n npl-...: the veth is born inside the lab, its peer moved straight to another lab namespace
                    assertThat(c.argv()).startsWith("ip", "-n");
                    assertThat(LabPlan.idOfNamespace(c.argv().get(2))).contains(PLAN.id());
                    c.stdin().lines().filter(l -> l.contains("veth")).forEach(l ->
                            assertThat(LabPlan.idOfNamespace(l.substring(l.lastIndexOf(' ') + 1))).contains(PLAN.id()));
                }
                if (c.argv().get(0).equals("ip") && c.argv().contains("exec")) {
                    assertThat(LabPlan.idOfNamespace(c.argv().get(3))).contains(PLAN.id());
                }
            }
        }
    }

    @Test
    void phasesCreateThenLinkThenFirewallThenSettingsThenAddresses() {
        List<List<Command>> phases = LabBuildPlan.phases(PLAN);
        assertThat(phases).hasSize(5);
        assertThat(phases.get(0)).singleElement().satisfies(c ->
                assertThat(c.stdin().lines().toList()).containsExactlyElementsOf(
                        PLAN.namespaces().stream().map(n -> "netns add " + n).toList()));
        assertThat(phases.get(2)).allSatisfy(c -> assertThat(c.argv()).endsWith("nft", "-f", "-"));
        assertThat(phases.get(2)).hasSize(3); // home, office's carrier, office
        assertThat(phases.get(3)).anySatisfy(c -> assertThat(c.argv()).contains(
                "net.netfilter.nf_conntrack_udp_timeout=30", "net.netfilter.nf_conntrack_udp_timeout_stream=120"));
        String office = phases.get(4).stream().filter(c -> c.argv().contains("npl-00ab12-r-office"))
                .findFirst().orElseThrow().stdin();
        assertThat(office).contains("addr add 100.64.2.2/24 dev wan0\n", "route add default via 100.64.2.1\n",
                "link set h1 master lan0\n");
        String host = phases.get(4).stream().filter(c -> c.argv().contains("npl-00ab12-h-home-2"))
                .findFirst().orElseThrow().stdin();
        assertThat(host).isEqualTo("link set lo up\naddr add 10.0.1.3/24 dev eth0\nlink set eth0 up\n"
                + "route add default via 10.0.1.1\n");
    }

    @Test
    void aFailedBuildRemovesEverythingItMade(@TempDir Path dir) {
        RecordingRunner runner = new RecordingRunner(c -> c.what().startsWith("loading the nftables ruleset"));
        LabStateStore store = new LabStateStore(dir);
        assertThatThrownBy(() -> Lab.up(PLAN.topology(), LabState.OWNER_CLI, runner, store))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("loading the nftables ruleset of")
                .hasMessageContaining("failed (exit 1): Error: pretend failure")
                .hasMessageContaining("command: ip netns exec npl-");
        assertThat(runner.namespaces).isEmpty();
        assertThat(store.list(new java.util.ArrayList<>())).isEmpty();
        assertThat(runner.commands).anySatisfy(c -> assertThat(c.stdin()).startsWith("netns del npl-"));
    }

    @Test
    void downIsIdempotentAndTouchesOnlyItsOwnNamespaces(@TempDir Path dir) {
        RecordingRunner runner = new RecordingRunner();
        runner.namespaces.add("someone-elses");
        runner.namespaces.add("npl-ffffff-srv");
        LabStateStore store = new LabStateStore(dir);
        Lab lab = Lab.up(PLAN.topology(), LabState.OWNER_CLI, runner, store);
        assertThat(store.load(lab.plan().id())).isPresent();
        assertThat(runner.namespaces).containsAll(lab.plan().namespaces());
        lab.close();
        lab.close();
        assertThat(runner.namespaces).containsExactly("someone-elses", "npl-ffffff-srv");
        assertThat(store.load(lab.plan().id())).isEmpty();
    }

    @Test
    void janitorRemovesCliLabsAndStaleLabsButNotLiveLabsOrUnexplainedNamespaces(@TempDir Path dir) {
        RecordingRunner runner = new RecordingRunner();
        LabStateStore store = new LabStateStore(dir);
        Lab live = Lab.up(PLAN.topology(), LabState.OWNER_PROCESS, runner, store);
        Lab cli = Lab.up(PLAN.topology(), LabState.OWNER_CLI, runner, store);
        LabState stale = new LabState("0dead0", LabState.OWNER_PROCESS, Long.MAX_VALUE / 2, "", "2020-01-01T00:00:00Z",
                PLAN.topology().toLines());
        store.save(stale);
        runner.namespaces.add("npl-0dead0-srv");
        runner.namespaces.add("npl-0f0f0f-h-x-1"); // an orphan: no state file explains it
        runner.namespaces.add("other-ns");
        List<String> report = new java.util.ArrayList<>();
        new LabJanitor(runner, store).downAll(false, report);
        assertThat(runner.namespaces).containsExactlyInAnyOrderElementsOf(
                concat(live.plan().namespaces(), List.of("npl-0f0f0f-h-x-1", "other-ns")));
        assertThat(report).anyMatch(l -> l.contains("left lab " + live.plan().id() + " alone"));
        assertThat(report).anyMatch(l -> l.contains("left namespaces of labs [0f0f0f] alone"));
        assertThat(store.load(cli.plan().id())).isEmpty();
        assertThat(store.load("0dead0")).isEmpty();
        new LabJanitor(runner, store).downAll(true, report);
        assertThat(runner.namespaces).containsExactly("other-ns");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
