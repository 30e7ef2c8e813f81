package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.log.EventType;
import io.natprobe.log.JsonlPacketLog;
import io.natprobe.log.PacketEvent;
import io.natprobe.punch.PunchOptions;
import io.natprobe.punch.PunchResult;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell without a terminal: a script of commands against a scripted fake peer link. */
class ScriptShellTest {

    final FakePeerLink.Factory links = new FakePeerLink.Factory();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    int run(boolean keepGoing, String... lines) throws Exception {
        ScriptShell shell = new ScriptShell(new PrintWriter(out, true), new PrintWriter(err, true), links,
                InstantSource.system(), keepGoing);
        return shell.run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), "test.script");
    }

    @Test
    void theArticlesProcedureRunsStepByStepWithEchoAndLiveLines() throws Exception {
        int code = run(false,
                "# B's side of the article's procedure",
                "",
                "server 127.0.0.1:3478",
                "session join 4817-" + FakePeerLink.CODE.toString().split("-", 2)[1],
                "open 2",
                "ask",
                "listen 1",
                "status",
                "log --filter peer",
                "quit",
                "status");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        String o = out.toString();
        assertThat(o).contains("natprobe> server 127.0.0.1:3478", "natprobe> open 2", "natprobe> listen 1")
                .doesNotContain("# B's side");
        assertThat(o).contains("self >> punch      10.0.1.10:40000 -> 198.51.100.22:50001", "punch #2")
                .contains("peer >> punch").contains("self << punch      10.0.1.10:40000 <- 198.51.100.22:50001");
        assertThat(o).contains("heard 1 probe and 0 answers from 198.51.100.22:50001 since the last `listen`.");
        assertThat(o).contains("peer public     198.51.100.22:50001", "hole age");
        assertThat(o).contains("left the session.");
        // `quit` ends the script: the last `status` never runs.
        assertThat(o.lines().filter(l -> l.equals("natprobe> status")).count()).isEqualTo(1);
        FakePeerLink link = links.last();
        assertThat(link.server.getPort()).isEqualTo(3478);
        assertThat(link.calls).containsExactly("join " + FakePeerLink.CODE, "open 2 ttl=-", "ask 1", "listen 1", "close");
        assertThat(link.closed).isTrue();
    }

    @Test
    void stopsAtTheFirstFailureWithItsExitCode() throws Exception {
        int code = run(false, "server 127.0.0.1:3478", "open", "status");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("open: no session yet: run `session new`",
                "stopped at test.script line 2 (exit code 1); add --keep-going");
        assertThat(out.toString()).doesNotContain("natprobe> status");
    }

    @Test
    void keepGoingRunsEveryLineAndReturnsTheFirstFailure() throws Exception {
        int code = run(true, "opne", "open", "status", "wait 0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command `opne`; did you mean `open`? (`help` lists the commands)",
                "open: no session yet", "wait: S out of range (expected: 1..86400): 0").doesNotContain("stopped at");
        assertThat(out.toString()).contains("natprobe> status", "session         none");
    }

    @Test
    void wrongUseGetsAClearMessageAndTheSynopsisNeverAStackTrace() throws Exception {
        assertThat(run(true, "open many", "session join", "session join 12-zzzz-orbit", "punch --strategy sideways",
                "keepalive sometimes", "ttl 300", "save", "server 1.2.3.4:99999", "session new", "classify")).isEqualTo(2);
        String e = err.toString();
        assertThat(e).contains("open: Invalid value for positional parameter at index 0 (N): 'many' is not an int",
                "usage: open [--ttl=N] [N]");
        assertThat(e).contains("session join: Missing required parameter: 'CODE'");
        assertThat(e).contains("\"zzzz\" is not a session-code word; did you mean");
        assertThat(e).contains("unknown strategy \"sideways\" (expected one of: stepwise, simultaneous, predict, birthday, all)");
        assertThat(e).contains("not a duration: \"sometimes\"");
        assertThat(e).contains("TTL out of range (expected: 1..255): 300");
        assertThat(e).contains("save: Missing required parameters");
        assertThat(e).contains("port out of range (expected: 1..65535): 99999");
        assertThat(e).contains("session new: no server yet: run `server HOST:PORT` first");
        assertThat(e).contains("classify: no server yet");
        assertThat(e + out).doesNotContain("Exception", "\tat ");
        assertThat(links.made).isEmpty();
    }

    @Test
    void punchExceptionMessagesAreShownAsTheyAre() throws Exception {
        assertThat(run(true, "server 127.0.0.1", "session new", "open", "session join " + new io.natprobe.rendezvous.SessionCode(4817, 3, 8))).isEqualTo(1);
        assertThat(err.toString()).contains("open: no peer yet: run `session join CODE` on the other side first",
                "session join: the server does not know session " + new io.natprobe.rendezvous.SessionCode(4817, 3, 8));
        assertThat(out.toString()).contains("session " + FakePeerLink.CODE + " created; you are A.",
                "On the other side, run:  session join " + FakePeerLink.CODE);
        // A second session closes the first link (it leaves its session on the server); the failed join's link is closed too.
        assertThat(links.made).hasSize(2);
        assertThat(links.made).allMatch(l -> l.closed);
    }

    @Test
    void ttlIsUsedByTheNextOpenOnlyAndUnsupportedTtlIsExplained() throws Exception {
        assertThat(run(true, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "ttl 3", "open", "open",
                "open --ttl 2")).isZero();
        assertThat(links.last().calls).contains("open 1 ttl=3", "open 1 ttl=-", "open 1 ttl=2");
        links.made.clear();
        out.getBuffer().setLength(0);
        ScriptShell shell = new ScriptShell(new PrintWriter(out, true), new PrintWriter(err, true), (s, l, c) -> {
            FakePeerLink f = new FakePeerLink(s, l, c);
            f.ttlSupported = false;
            return f;
        }, InstantSource.system(), false);
        int code = shell.run(new BufferedReader(new StringReader("server 127.0.0.1\nsession join " + FakePeerLink.CODE
                + "\nttl 2\nopen\n")), "ttl.script");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("open: this system cannot set the TTL of a UDP packet; run `ttl off` and `open` again");
    }

    @Test
    void punchPassesStrategyAndDirectionAndFailsTheScriptWhenNotConnected() throws Exception {
        assertThat(run(true, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "punch --strategy stepwise --reverse"))
                .isZero();
        FakePeerLink link = links.last();
        // We joined, so we are B: --reverse means the peer (A) goes first.
        assertThat(link.lastPunchOptions.strategy()).isEqualTo(PunchOptions.Strategy.STEPWISE);
        assertThat(link.lastPunchOptions.direction()).isEqualTo(PunchOptions.Direction.A_FIRST);
        assertThat(out.toString()).contains("CONNECTED: the two sides can talk directly.",
                "A first: connected with stepwise in 0.3 s, direct to 198.51.100.22:50001, round trip 12 ms, 4 probes sent",
                "Why: Both NATs keep one public port per socket. [both-endpoint-independent]");

        ScriptShell shell = new ScriptShell(new PrintWriter(out, true), new PrintWriter(err, true), (s, l, c) -> {
            FakePeerLink f = new FakePeerLink(s, l, c);
            f.punchResult = new PunchResult(false, List.of(), new PunchResult.Diagnosis("endpoint-dependent-mapping",
                    "Both NATs pick a new public port per destination.", List.of(), List.of("use a relay (TURN)")));
            return f;
        }, InstantSource.system(), false);
        int code = shell.run(new BufferedReader(new StringReader("server 127.0.0.1\nsession join " + FakePeerLink.CODE
                + "\npunch --direction b-first\nstatus\n")), "punch.script");
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("NOT CONNECTED", "  - use a relay (TURN)");
    }

    @Test
    void logFiltersAndTail() throws Exception {
        run(false, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "send 3", "log --filter out --tail 2",
                "log --filter state", "log --filter nomatch");
        String o = out.toString();
        String afterLog = o.substring(o.indexOf("natprobe> log --filter out --tail 2"), o.indexOf("natprobe> log --filter state"));
        assertThat(afterLog.lines().filter(l -> l.contains(" >> ")).toList()).hasSize(2)
                .allMatch(l -> l.endsWith("punch #2") || l.endsWith("punch #3"));
        assertThat(o.substring(o.indexOf("natprobe> log --filter state"))).contains("-- state", "peer known",
                "(none of the 4 events matches)");
    }

    @Test
    void liveChoosesWhichEventsPrintButLogKeepsThemAll() throws Exception {
        assertThat(run(false, "server 127.0.0.1", "live off", "session join " + FakePeerLink.CODE, "send 1",
                "live no-sent", "send 1", "ask", "live all", "send 1", "log --filter no-state")).isZero();
        String o = out.toString();
        String quiet = o.substring(o.indexOf("natprobe> live off"), o.indexOf("natprobe> live no-sent"));
        assertThat(quiet).doesNotContain("peer known", " >> ");
        String noSent = o.substring(o.indexOf("natprobe> live no-sent"), o.indexOf("natprobe> live all"));
        assertThat(noSent).doesNotContain("self >> ", "peer >> ").contains("self << punch");
        String all = o.substring(o.indexOf("natprobe> live all"), o.indexOf("natprobe> log"));
        assertThat(all).contains("self >> punch");
        String log = o.substring(o.indexOf("natprobe> log"));
        assertThat(log.lines().filter(l -> l.contains("self >> punch"))).hasSize(3);
        assertThat(log).doesNotContain("-- state");
    }

    @Test
    void listenSaysWhenNothingArrivedDuringIt() throws Exception {
        ScriptShell shell = new ScriptShell(new PrintWriter(out, true), new PrintWriter(err, true), (s, l, c) -> {
            FakePeerLink f = new FakePeerLink(s, l, c);
            f.quietListen = true;
            return f;
        }, InstantSource.system(), false);
        int code = shell.run(new BufferedReader(new StringReader("server 127.0.0.1\nsession join " + FakePeerLink.CODE
                + "\nlisten 1\n")), "quiet.script");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("heard 1 probe and 0 answers from 198.51.100.22:50001 since the last `listen`;"
                + " nothing arrived during these 1 s.");
    }

    @Test
    void saveLogPcapAndReportInputs() throws Exception {
        Path log = dir.resolve("a.jsonl");
        Path pcap = dir.resolve("a.pcap");
        int code = run(true, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "open 2", "ask",
                "save log " + log, "save pcap " + pcap, "save log " + log, "save report " + dir.resolve("r.html"));
        List<PacketEvent> events = JsonlPacketLog.read(log);
        assertThat(events).hasSize(5).extracting(PacketEvent::type)
                .containsExactly(EventType.STATE, EventType.SENT, EventType.SENT, EventType.SENT, EventType.RECEIVED);
        // pcap: 24-byte header, then per packet a 16-byte record header and a 20+8+20-byte IPv4/UDP frame.
        assertThat(Files.size(pcap)).isEqualTo(24 + 3 * (16 + 48));
        assertThat(err.toString()).contains("save: " + log + " exists; add --force to overwrite it");
        assertThat(dir.resolve("r.log.jsonl")).exists();
        // The same HTML as `natprobe report`: one self-contained file with the ladder of every packet.
        String html = Files.readString(dir.resolve("r.html"));
        assertThat(html).contains("<svg", "punch #1", "198.51.100.22");
        assertThat(out.toString()).contains("saved the report to " + dir.resolve("r.html"));
        assertThat(code).isEqualTo(2);
    }

    @Test
    void timelineMergesAndFilters() throws Exception {
        assertThat(run(false, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "ask", "timeline --filter peer")).isZero();
        String t = out.toString().substring(out.toString().indexOf("natprobe> timeline"));
        assertThat(t).contains("peer >> punch").doesNotContain("self << punch", "peer known");
        assertThat(links.last().calls).contains("timeline");
    }

    @Test
    void resetForgetsTheLogButKeepsTheSession() throws Exception {
        assertThat(run(false, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "send", "reset", "log", "status")).isZero();
        assertThat(out.toString()).contains("forgot the attempt so far; still in the session.", "(no events yet)",
                "session         " + FakePeerLink.CODE);
        assertThat(links.last().calls).contains("reset").doesNotContain("join " + FakePeerLink.CODE + "x");
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() throws Exception {
        assertThat(run(false, "help", "help punch", "help nosuch")).isEqualTo(2);
        String o = out.toString();
        for (String name : ShellRoot.COMMAND_NAMES) {
            assertThat(o).contains("  " + name + " ");
        }
        assertThat(o).contains("--strategy=S", "stepwise, simultaneous, predict, birthday, all");
        assertThat(err.toString()).contains("help: unknown command `nosuch`");
    }

    @Test
    void waitCountsDownWithTheHoleAge() throws Exception {
        assertThat(run(false, "server 127.0.0.1", "session join " + FakePeerLink.CODE, "send", "wait 1")).isZero();
        assertThat(out.toString()).contains("waiting: 1 s left of 1 s; hole age", "waited 1 s; hole age ");
    }
}
