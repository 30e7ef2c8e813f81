package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.lab.Lab;
import io.natprobe.lab.LabException;
import io.natprobe.lab.LabPlan;
import io.natprobe.lab.LabRequirements;
import io.natprobe.lab.LabState;
import io.natprobe.lab.LabStateStore;
import io.natprobe.lab.NatSpecParser;
import io.natprobe.lab.ProcessCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The article's procedure in two shells on two lab hosts behind two real Linux NATs (endpoint-
 * independent mapping, address-and-port-dependent filtering, unsolicited inbound UDP dropped by the
 * router, 5 s conntrack timeouts), first with A opening, then with B opening: the opening probe is
 * dropped by the far NAT, the reply gets through, then traffic flows both ways; after a `wait`
 * longer than the timeout the hole is closed and the peer's probes no longer arrive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellLabIT {
    static final int PORT = 4478;
    static final int TIMEOUT_SECONDS = 5;

    private Lab lab;
    private Path work;
    private volatile boolean failed;

    @BeforeAll
    void up() throws Exception {
        LabRequirements.assumeLab();
        work = Files.createTempDirectory("natprobe-shell-lab");
        String nat = "eim,apdf,inbound=drop,timeout=" + TIMEOUT_SECONDS + ",stream-timeout=" + TIMEOUT_SECONDS;
        lab = Lab.up(NatSpecParser.topology(List.of("left=" + nat, "right=" + nat), List.of()), LabState.OWNER_PROCESS,
                new ProcessCommandRunner(), new LabStateStore(work));
        Path out = work.resolve("server.out");
        Process server = lab.spawn(lab.plan().serverNamespace(), List.of(LoopbackServer.java(), "-jar", LoopbackServer.jar(),
                "server", "--primary", LabPlan.SERVER_PRIMARY, "--alternate", LabPlan.SERVER_ALTERNATE,
                "--port", String.valueOf(PORT), "--alt-port", String.valueOf(PORT + 1)), out.toFile(),
                work.resolve("server.err").toFile());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(out) && Files.size(out) > 0)) {
            if (!server.isAlive() || System.nanoTime() > end) {
                throw new LabException("the probe server did not start: " + Files.readString(work.resolve("server.err")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    void down() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (work != null && !failed) {
            // Logs stay for a failed run (the message names them); a passing run leaves nothing behind.
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    ShellProcess shell(String router, String name) {
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        String host = lab.plan().router(router).hosts().get(0).namespace();
        Process p = lab.spawn(host, List.of(LoopbackServer.java(), "-jar", LoopbackServer.jar(), "shell"), out.toFile(),
                err.toFile());
        return new ShellProcess(name, p, out, err);
    }

    @ParameterizedTest(name = "{0} opens first")
    @ValueSource(strings = {"A", "B"})
    void theArticlesStepsThenTheHoleCloses(String opener) throws Exception {
        String server = "server " + LabPlan.SERVER_PRIMARY + ":" + PORT;
        try (ShellProcess a = shell("left", opener + "-first-A"); ShellProcess b = shell("right", opener + "-first-B")) {
            String why = "";
            try {
                a.run(server, "server " + LabPlan.SERVER_PRIMARY);
                a.send("session new");
                String code = a.awaitMatch("session join (\\S+)");
                b.run(server, "server " + LabPlan.SERVER_PRIMARY);
                b.run("session join " + code, "joined session " + code + " as B");
                ShellProcess x = opener.equals("A") ? a : b;
                ShellProcess y = opener.equals("A") ? b : a;
                awaitPeer(a);

                // Step 1: X's probe opens X's NAT toward Y; Y's NAT drops it (no hole there yet).
                x.run("open", "sent 1 probe to the peer");
                String dropped = y.run("listen 2", "heard ");
                assertThat(dropped).contains("heard nothing from the peer in 2 s");
                // Step 2: Y, asked through the server, sends to X: its probe opens Y's NAT and gets through X's.
                x.run("ask", "asked the peer");
                String through = x.run("listen 3 --expect", "heard ");
                assertThat(through).contains("self << punch").containsPattern("heard [1-9]\\d* probes?");
                // Step 3: both ways.
                x.run("send 3", "sent 3 probes to the peer.");
                assertThat(y.run("listen 3 --expect", "heard ")).containsPattern("heard [1-9]\\d* probes?");
                y.run("send 3", "sent 3 probes to the peer.");
                assertThat(x.run("listen 3 --expect", "heard ")).containsPattern("heard [1-9]\\d* probes?");
                assertThat(x.out()).contains("CONNECTED");
                assertThat(y.out()).contains("CONNECTED");
                // The merged timeline: X's opening probe was sent, and Y's side never received it.
                String timeline = x.run("timeline", "punch #1 from " + opener + " (open)");
                timeline += x.run("status", "keepalive");
                assertThat(timeline).containsPattern("self >> punch .* punch #1 from " + opener + " \\(open\\)")
                        .doesNotContainPattern("peer << punch .* punch #1 from " + opener + "\\n");

                // Pitfall 2: let the holes age past the routers' timeout; the peer's probes no longer arrive.
                x.run("keepalive off", "keepalive off");
                y.run("keepalive off", "keepalive off");
                String waited = x.run("wait " + (TIMEOUT_SECONDS + 3), "waited ");
                assertThat(waited).contains("hole age");
                y.run("send 3", "sent 3 probes to the peer.");
                assertThat(x.run("listen 3", "heard ")).containsPattern("heard nothing from the peer in 3 s|nothing arrived during these 3 s");

                assertThat(a.quit()).as(a.err()).isZero();
                assertThat(b.quit()).as(b.err()).isZero();
            } catch (AssertionError e) {
                failed = true;
                why = "\nlogs in " + work + "\n--- A\n" + a.out() + a.err() + "\n--- B\n" + b.out() + b.err() + "\n"
                        + lab.diagnostics(lab.plan().router("left")) + lab.diagnostics(lab.plan().router("right"));
                throw new AssertionError(e.getMessage() + why, e);
            }
        }
    }

    /** A learns B's address from the server's indication; `status` shows it once it arrived. */
    private static void awaitPeer(ShellProcess a) throws Exception {
        for (int i = 0; i < 50; i++) {
            String s = a.run("status", "keepalive");
            if (!s.contains("not known yet (no peer")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("A never learned B's address\n" + a.out());
    }
}
