package io.natprobe.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.log.JsonlPacketLog;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real shells (script mode, fed line by line) against a real {@code natprobe server} on
 * 127.0.0.1/127.0.0.2, following the article's steps: A opens, asks B to send, both send and
 * listen, then the merged timeline and the saved log show both sides.
 */
class ShellLoopbackIT {
    @TempDir
    Path dir;

    static LoopbackServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    ShellProcess shell(String name) throws Exception {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(LoopbackServer.java(), "-jar", LoopbackServer.jar(), "shell")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ShellProcess(name, p, out, err);
    }

    @Test
    void theArticlesStepsBetweenTwoShells() throws Exception {
        String server = "server 127.0.0.1:" + ShellLoopbackIT.server.port;
        try (ShellProcess a = shell("A"); ShellProcess b = shell("B")) {
            a.run(server, "server 127.0.0.1:");
            a.send("session new");
            String code = a.awaitMatch("session join (\\S+)");
            b.run(server, "server 127.0.0.1:");
            b.run("session join " + code, "joined session " + code + " as B");
            a.run("status", "peer public     127.0.0.1:");

            a.run("open", "sent 1 probe to the peer");
            b.run("listen 2", "heard ");
            a.run("ask", "asked the peer");
            a.run("listen 3 --expect", "heard ");
            a.run("send 3", "sent 3 probes to the peer.");
            b.run("listen 3 --expect", "heard ");
            String timeline = a.run("timeline", "");
            a.run("status", "keepalive");
            Path log = dir.resolve("a.jsonl");
            a.run("save log " + log, "saved ");
            a.run("classify", "Verdict:");
            Path report = dir.resolve("ticket.html");
            a.run("save report " + report, "saved the report to " + report);
            assertThat(java.nio.file.Files.readString(report)).contains("<svg", "punch #1");
            assertThat(dir.resolve("ticket.classify.json")).exists();

            assertThat(a.out()).contains("self >> punch", "self << punch");
            assertThat(b.out()).contains("self << punch", "self >> punch");
            assertThat(a.out()).contains(" peer ");
            List<PacketEvent> events = JsonlPacketLog.read(log);
            assertThat(events).extracting(PacketEvent::origin).contains(Origin.SELF, Origin.PEER);
            assertThat(timeline).isNotNull();
            assertThat(a.quit()).as(a.err()).isZero();
            assertThat(b.quit()).as(b.err()).isZero();
            assertThat(a.out()).contains("left the session.");
        }
    }
}
