package io.natprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The commands in-process (picocli execute), only ever against loopback. */
class CommandsTest {

    record Run(int code, String out, String err) {}

    static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String closedPort() throws Exception {
        try (DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            return "127.0.0.1:" + ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    @Test
    void classifyWithNoServerListeningExitsThreeWithValidJson() throws Exception {
        Run r = run(new ClassifyCommand(), "--server", closedPort(), "--json", "--rto", "5");
        assertThat(r.code()).isEqualTo(ExitCodes.NO_SERVER);
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("natprobe.classify/1");
        assertThat(n.get("classicType").asText()).isEqualTo("udp-blocked");
        assertThat(n.get("servers").get(0).get("support").asText()).isEqualTo("no-answer");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run(new ClassifyCommand(), "--server", "127.0.0.1:0").code()).isEqualTo(ExitCodes.USAGE);
        Run rto = run(new ClassifyCommand(), "--server", "127.0.0.1", "--rto", "0");
        assertThat(rto.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(rto.err()).contains("--rto out of range");
        assertThat(run(new ClassifyCommand(), "--server", "127.0.0.1", "--repeat", "0").code()).isEqualTo(ExitCodes.USAGE);
        Run missing = run(new LifetimeCommand());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--server");
        assertThat(run(new LifetimeCommand(), "--server", "127.0.0.1", "--max", "0").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run(new LifetimeCommand(), "--server", "127.0.0.1", "--max", "3600", "--step", "1").err())
                .contains("raise --step");
    }

    @Test
    void lifetimeWithNoServerListeningExitsThree() throws Exception {
        Run r = run(new LifetimeCommand(), "--server", closedPort(), "--max", "5", "--rto", "5", "--json");
        assertThat(r.code()).isEqualTo(ExitCodes.NO_SERVER);
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("natprobe.lifetime/1");
        assertThat(n.get("singleExchange").isNull()).isTrue();
    }
}
