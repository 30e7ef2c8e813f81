package io.natprobe.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The lab commands in-process, for what needs no root: help texts and usage errors. */
class LabCommandTest {

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LabCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.getCommandSpec().exitCodeOnInvalidInput(2);
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "status", "exec", "down", "selfcheck", "demo"})
    void everySubcommandHasCleanHelp(String sub) {
        Result r = run(sub, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: lab " + sub);
        assertThat(r.err()).isEmpty(); // e.g. no picocli warning about an unescaped '%'
    }

    @Test
    void theAgentIsHidden() {
        assertThat(run("--help").out()).contains("selfcheck", "demo").doesNotContain("agent");
    }

    @Test
    void aBadRouterIsAUsageErrorBeforeAnythingIsBuilt() {
        Result r = run("up", "--nat", "home=eim,apdf,loss=150%");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("natprobe lab up: loss for router home must be 0..100 %, not 150" + System.lineSeparator());
    }

    @Test
    void execWithoutACommandIsAUsageError() {
        Result r = run("exec", "home-1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'CMD'");
    }
}
