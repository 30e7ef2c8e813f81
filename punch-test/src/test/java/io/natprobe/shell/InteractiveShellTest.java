package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code natprobe>} prompt through a jline virtual terminal (no real TTY): keys go in through a
 * pipe, the screen is a byte buffer. A scripted fake stands in for the punch engine.
 */
class InteractiveShellTest {
    private static final long PATIENCE_SECONDS = 30;
    /** An external terminal type with colours; its input pump turns Ctrl-C into a signal even while a step runs. */
    private static final String COLOUR = "xterm-256color";

    final FakePeerLink.Factory links = new FakePeerLink.Factory();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PipedOutputStream keys;
    Terminal terminal;
    InteractiveShell shell;
    Thread thread;
    volatile int exit = -1;

    @TempDir
    Path dir;

    void start(String type) throws IOException, InterruptedException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        keys = new PipedOutputStream(in);
        // An external terminal runs its own line discipline: Ctrl-C typed into it raises INT as a tty would.
        // (TerminalBuilder with streams may open a real pty instead, whose signals go to no process.)
        terminal = new ExternalTerminal("test", type, in, screen, StandardCharsets.UTF_8);
        terminal.setAttributes(ttyDefaults());
        terminal.setSize(new Size(160, 50));
        shell = new InteractiveShell(terminal, links, InstantSource.system(), dir.resolve("history"));
        thread = new Thread(() -> exit = shell.run(ShellCommand.welcome()), "shell");
        thread.start();
        awaitScreen("natprobe> ");
    }

    /** What a Linux tty starts with (stty sane): Ctrl-C is INT, Ctrl-D is end of file. */
    static Attributes ttyDefaults() {
        Attributes a = new Attributes();
        a.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ISIG, Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.IEXTEN), true);
        a.setInputFlags(EnumSet.of(Attributes.InputFlag.ICRNL), true);
        a.setControlChar(Attributes.ControlChar.VINTR, 3);
        a.setControlChar(Attributes.ControlChar.VEOF, 4);
        a.setControlChar(Attributes.ControlChar.VERASE, 127);
        a.setControlChar(Attributes.ControlChar.VMIN, 1);
        return a;
    }

    @AfterEach
    void stop() throws Exception {
        if (thread != null && thread.isAlive()) {
            type("\u0004");
            thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    String text() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code expected} appears on the screen after position {@code from}; returns where it ends. */
    int awaitScreen(String expected, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            String t = text();
            int at = t.indexOf(expected, Math.min(from, t.length()));
            if (at >= 0) {
                return at + expected.length();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never saw \"" + expected + "\" on the screen:\n" + text());
    }

    int awaitScreen(String expected) throws InterruptedException {
        return awaitScreen(expected, 0);
    }

    void awaitExit() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertThat(thread.isAlive()).as("the shell should have returned").isFalse();
    }

    @Test
    void welcomeSaysHowToStartAndQuitLeavesTheSession() throws Exception {
        start(COLOUR);
        assertThat(text()).contains("natprobe shell", "type `help` to see the commands");
        type("server 127.0.0.1:3478\r");
        type("session new\r");
        awaitScreen("session join " + FakePeerLink.CODE);
        type("quit\r");
        awaitExit();
        assertThat(exit).isZero();
        assertThat(links.last().closed).isTrue();
        assertThat(text()).contains("left the session.");
    }

    @Test
    void ctrlDLeavesCleanlyAndTheHistoryFileKeepsTheCommands() throws Exception {
        start(COLOUR);
        type("server 127.0.0.1:3478\r");
        type("session new\r");
        awaitScreen("created");
        type("status\r");
        awaitScreen("local address");
        type("\u0004");
        awaitExit();
        assertThat(links.last().closed).isTrue();
        String history = Files.readString(dir.resolve("history"));
        assertThat(history).contains("server 127.0.0.1:3478", "session new", "status");
    }

    @Test
    void ctrlCCancelsARunningListenAndTheShellGoesOn() throws Exception {
        start(COLOUR);
        type("server 127.0.0.1\r");
        type("session join " + FakePeerLink.CODE + "\r");
        awaitScreen("joined session");
        type("listen 600\r");
        assertThat(links.last().listening.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        type("\u0003");
        int after = awaitScreen("cancelled; until then heard 1 probe and 0 answers from 198.51.100.22:50001 since the last `listen`.");
        type("status\r");
        awaitScreen("peer public     198.51.100.22:50001", after);
        assertThat(thread.isAlive()).isTrue();
        assertThat(links.last().closed).isFalse();
    }

    @Test
    void ctrlCCancelsAWaitAndShowsTheHoleAge() throws Exception {
        start(COLOUR);
        type("server 127.0.0.1\r");
        type("session join " + FakePeerLink.CODE + "\r");
        type("send\r");
        awaitScreen("sent 1 probe to the peer.");
        type("wait 600\r");
        int at = awaitScreen("waiting: ");
        awaitScreen("hole age", at);
        type("\u0003");
        int cancelled = awaitScreen("cancelled after ");
        awaitScreen("of 600 s; hole age ", cancelled);
        type("log --tail 1\r");
        awaitScreen("punch #1", cancelled);
        assertThat(thread.isAlive()).isTrue();
    }

    @Test
    void ctrlCAtThePromptClearsTheLineNotTheShell() throws Exception {
        start(COLOUR);
        type("rubbish");
        int typed = awaitScreen("rubbish");
        type("\u0003");
        // A fresh, empty prompt (a person sees it before typing on).
        awaitScreen("natprobe> ", typed);
        type("help\r");
        awaitScreen("`help COMMAND` explains one");
        assertThat(text()).doesNotContain("unknown command `rubbish");
        assertThat(thread.isAlive()).isTrue();
    }

    @Test
    void packetEventsPrintAboveThePromptWithoutEatingWhatTheUserTypes() throws Exception {
        start(COLOUR);
        type("server 127.0.0.1\r");
        type("session new\r");
        awaitScreen("On the other side, run:");
        type("sta");
        int typed = awaitScreen("natprobe> sta");
        // The rendezvous announces the peer while the user is typing: the event arrives on another thread.
        Thread io = new Thread(() -> links.last().peerJoins());
        io.start();
        io.join();
        int event = awaitScreen("self -- state", typed);
        awaitScreen("peer joined from 198.51.100.22:50001", event);
        // The half-typed line is drawn again below the event, and finishing it runs `status`.
        awaitScreen("natprobe> sta", event);
        type("tus\r");
        awaitScreen("peer public     198.51.100.22:50001", event);
    }

    @Test
    void liveLinesAreColouredOnAColourTerminalOnly() throws Exception {
        start("xterm-256color");
        type("server 127.0.0.1\r");
        type("session join " + FakePeerLink.CODE + "\r");
        type("open\r");
        int at = awaitScreen("punch #1");
        String sentLine = text().substring(text().lastIndexOf('\n', at) + 1, at);
        assertThat(sentLine).contains("\u001b[36m").contains("self >> punch");
        stop();

        screen.reset();
        start("vt100");
        type("server 127.0.0.1\r");
        type("session join " + FakePeerLink.CODE + "\r");
        type("open\r");
        awaitScreen("punch #1");
        assertThat(text()).doesNotContain("\u001b[36m");
    }

    @Test
    void errorsAreOneClearLine() throws Exception {
        start(COLOUR);
        type("opne 3\r");
        awaitScreen("unknown command `opne`; did you mean `open`? (`help` lists the commands)");
        type("ask\r");
        awaitScreen("ask: no session yet: run `session new`");
        type("wait soon\r");
        awaitScreen("wait: Invalid value for positional parameter at index 0 (S): 'soon' is not an int");
        assertThat(text()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void tabCompletesCommandsOptionsValuesAndFileNames() throws Exception {
        start(COLOUR);
        Files.createFile(dir.resolve("ticket-4711.jsonl"));
        assertThat(complete("pu")).contains("punch");
        assertThat(complete("se")).contains("server", "session", "send");
        assertThat(complete("session ")).contains("new", "join");
        assertThat(complete("punch --")).contains("--strategy", "--direction", "--reverse", "--timeout");
        assertThat(complete("punch --strategy ")).contains("stepwise", "simultaneous", "predict", "birthday", "all");
        assertThat(complete("punch --direction ")).contains("both", "a-first", "b-first", "me-first", "peer-first");
        assertThat(complete("keepalive ")).contains("on", "off", "15s");
        assertThat(complete("log --filter ")).contains("sent", "received", "icmp", "peer", "keepalive");
        assertThat(complete("help ")).containsAll(ShellRoot.COMMAND_NAMES);
        assertThat(complete("save ")).contains("log", "pcap", "report");
        assertThat(complete("save log " + dir + "/tick")).anyMatch(c -> c.endsWith("ticket-4711.jsonl"));

        // And through the keyboard: Tab finishes the word, Enter runs it.
        type("serv\t127.0.0.1\r");
        awaitScreen("server 127.0.0.1:3478");
    }

    private List<String> complete(String line) {
        org.jline.reader.impl.LineReaderImpl reader = (org.jline.reader.impl.LineReaderImpl) shell.reader();
        List<Candidate> candidates = new ArrayList<>();
        reader.getCompleter().complete(reader, reader.getParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
