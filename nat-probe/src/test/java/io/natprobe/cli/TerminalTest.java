package io.natprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void terminalsAreRecognisedByTheirDevice() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/console")).isTrue();
    }

    @Test
    void filesPipesAndNullAreNotTerminals() {
        assertThat(Terminal.isTerminalDevice("/tmp/natprobe.log")).isFalse();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminal.isTerminalDevice("socket:[42]")).isFalse();
    }

    @Test
    void underMavenStderrIsNoTerminal() {
        // Surefire captures the forked JVM's stderr through a pipe or file: progress must come as plain lines.
        assertThat(Terminal.stderrIsTerminal()).isFalse();
    }
}
