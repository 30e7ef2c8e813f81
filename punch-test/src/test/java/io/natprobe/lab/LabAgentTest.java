package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe agent on loopback (no root): its line protocol and its answers to bad commands. */
class LabAgentTest {

    /** Sends each line and waits for its answer before the next (the agent runs commands concurrently). */
    private static List<String> run(String script) throws Exception {
        PipedOutputStream toAgent = new PipedOutputStream();
        BufferedReader agentIn = new BufferedReader(new InputStreamReader(new PipedInputStream(toAgent), StandardCharsets.UTF_8));
        PipedInputStream fromAgent = new PipedInputStream();
        PrintStream agentOut = new PrintStream(new PipedOutputStream(fromAgent), true, StandardCharsets.UTF_8);
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromAgent, StandardCharsets.UTF_8));
        Thread agent = new Thread(() -> {
            try {
                LabAgent.run(agentIn, agentOut);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        agent.start();
        List<String> out = new ArrayList<>();
        out.add(answers.readLine());
        for (String line : script.split("\n")) {
            toAgent.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toAgent.flush();
            if (!line.isBlank() && !line.equals("quit")) {
                out.add(answers.readLine());
            }
        }
        agent.join(5000);
        return out;
    }

    @Test
    void bindsSendsReceivesAndCounts() throws Exception {
        int port;
        try (DatagramSocket free = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> out = run(String.join("\n",
                "t1 bind a 127.0.0.1 " + port,
                "t2 bind b 127.0.0.1 0",
                "t3 send b 127.0.0.1 " + port + " hello",
                "t4 recv a 1000",
                "t5 sendn b 127.0.0.1 " + port + " 5 x",
                "t6 count a 5 1000",
                "t7 recv a 100",
                "t71 listen a 3 2000",
                "t72 sendn b 127.0.0.1 " + port + " 3 y",
                "t73 counted a",
                "t74 counted a",
                "t8 close a",
                "quit"));
        assertThat(out.get(0)).isEqualTo("ready");
        assertThat(out).contains("t1 ok 127.0.0.1:" + port, "t3 ok", "t6 count 5", "t7 timeout", "t71 ok", "t73 count 3",
                "t74 err no background count on 'a' (use listen first)", "t8 ok");
        assertThat(out).anyMatch(l -> l.matches("t4 got 127\\.0\\.0\\.1:\\d+ hello"));
    }

    @Test
    void aProbeToAClosedPortSeesIcmpPortUnreachable() throws Exception {
        int closed;
        try (DatagramSocket free = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        List<String> out = run("p1 bind a 127.0.0.1 0\np2 probe a 127.0.0.1 " + closed + " 1000\nquit");
        assertThat(out).contains("p2 unreachable");
    }

    @Test
    void badCommandsGetAnErrorLineNotACrash() throws Exception {
        List<String> out = run(String.join("\n",
                "e1 dance",
                "e2 send nosuch 127.0.0.1 9 x",
                "e3 bind a 127.0.0.1",
                "e4 bind a 127.0.0.1 notaport",
                "e5",
                "",
                "e6 recv a 10",
                "quit"));
        assertThat(out).contains("e1 err unknown command 'dance'", "e3 err IllegalArgumentException: 'bind' needs 3 arguments",
                "e5 err missing command");
        assertThat(out).anyMatch(l -> l.startsWith("e2 err SocketException: no socket 'nosuch'"));
        assertThat(out).anyMatch(l -> l.startsWith("e4 err NumberFormatException"));
        assertThat(out).anyMatch(l -> l.startsWith("e6 err SocketException: no socket 'a'"));
    }
}
