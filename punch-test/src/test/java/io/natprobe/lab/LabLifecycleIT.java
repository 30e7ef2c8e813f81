package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Building and removing labs on the real machine: nothing may be left behind, whatever happens. */
class LabLifecycleIT {

    private final CommandRunner runner = new ProcessCommandRunner();
    private LabStateStore store;
    private final LabTopology topology = NatSpecParser.topology(List.of("a=eim,apdf,hosts=2", "b=adm,eif"), List.of("b"));

    @org.junit.jupiter.api.io.TempDir
    Path stateDir;

    @BeforeEach
    void setUp() {
        LabRequirements.assumeLab();
        store = new LabStateStore(stateDir);
    }

    private List<String> namespacesOf(String id) {
        return Namespaces.list(runner).stream().filter(n -> LabPlan.idOfNamespace(n).filter(id::equals).isPresent()).toList();
    }

    @Test
    void upBuildsEveryNamespaceAndCloseRemovesThemTwiceOver() {
        Lab lab = Lab.up(topology, LabState.OWNER_PROCESS, runner, store);
        String id = lab.plan().id();
        Process sleeper = null;
        try {
            assertThat(namespacesOf(id)).containsExactlyInAnyOrderElementsOf(lab.plan().namespaces());
            assertThat(store.load(id)).isPresent();
            // A host reaches the server through two NATs (b is behind a carrier).
            AgentClient server = lab.agent(lab.plan().serverNamespace());
            AgentClient host = lab.agent(lab.plan().router("b").hosts().get(0).namespace());
            server.bind("s", LabPlan.SERVER_PRIMARY, 3478);
            host.bind("h", "0.0.0.0", 0);
            host.send("h", LabPlan.SERVER_PRIMARY, 3478, "hi");
            assertThat(server.receive("s", 3000)).hasValueSatisfying(r ->
                    assertThat(r.address()).isEqualTo(lab.plan().router("b").publicAddress()));
            sleeper = lab.spawn(lab.plan().serverNamespace(), List.of("sleep", "300"), null, null);
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            lab.close();
        }
        assertThat(namespacesOf(id)).isEmpty();
        assertThat(store.load(id)).isEmpty();
        assertThat(sleeper.isAlive()).as("spawned programs are stopped").isFalse();
        lab.close();
        assertThat(new LabJanitor(runner, store).down(id)).isEmpty();
    }

    @Test
    void aBuildThatFailsHalfWayLeavesNothing() {
        List<String> ids = new ArrayList<>();
        CommandRunner failing = c -> {
            if (c.what().startsWith("configuring host")) {
                ids.add(c.argv().get(2));
                return new CommandResult(2, "", "Error: injected by the test");
            }
            return runner.run(c);
        };
        assertThatThrownBy(() -> Lab.up(topology, LabState.OWNER_PROCESS, failing, store))
                .isInstanceOf(LabException.class).hasMessageContaining("injected by the test");
        assertThat(ids).isNotEmpty();
        String id = LabPlan.idOfNamespace(ids.get(0)).orElseThrow();
        assertThat(namespacesOf(id)).isEmpty();
        assertThat(store.list(new ArrayList<>())).isEmpty();
    }

    @Test
    void downRemovesLabsOfDeadProcessesButNotLiveLabsAndOrphansOnlyById() throws Exception {
        Lab live = Lab.up(topology, LabState.OWNER_PROCESS, runner, store);
        Lab crashed = Lab.up(topology, LabState.OWNER_PROCESS, runner, store);
        try {
            // Pretend the second lab's owner died: a finished process's pid and start time.
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            LabState s = store.load(crashed.plan().id()).orElseThrow();
            store.save(new LabState(s.id(), s.owner(), p.pid(), "2001-01-01T00:00:00Z", s.created(), s.topology()));
            // And a namespace named like ours that no state file explains (a crash before the state was saved).
            String orphan = LabPlan.PREFIX + LabPlan.create(topology).id() + "-x";
            runner.check(Command.of("making an orphan", "ip", "netns", "add", orphan));

            List<String> report = new ArrayList<>();
            new LabJanitor(runner, store).downAll(false, report);

            assertThat(namespacesOf(crashed.plan().id())).isEmpty();
            assertThat(Namespaces.list(runner)).contains(orphan);
            assertThat(report).anyMatch(l -> l.startsWith("left namespaces of labs [") && l.contains(orphan.substring(4, 10)));
            // Only by id: '--all' here could take labs of other processes on this machine.
            assertThat(new LabJanitor(runner, store).down(orphan.substring(4, 10))).containsExactly(orphan);
            assertThat(namespacesOf(live.plan().id())).hasSameSizeAs(live.plan().namespaces());
            assertThat(report).anyMatch(l -> l.startsWith("left lab " + live.plan().id() + " alone"));
        } finally {
            live.close();
            crashed.close();
        }
        assertThat(namespacesOf(live.plan().id())).isEmpty();
    }
}
