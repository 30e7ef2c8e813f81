package io.natprobe.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionCodeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4817-orbit-lantern|4817-orbit-lantern",
        "  4817 Orbit LANTERN |4817-orbit-lantern",
        "4817.orbit.lantern|4817-orbit-lantern",
        "7-acid-summit|7-acid-summit"})
    void parsesWhatPeopleType(String typed, String canonical) {
        assertThat(SessionCode.parse(typed).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "orbit-lantern|a session code is a number and two words, like 4817-orbit-lantern (got \"orbit-lantern\")",
        "x-orbit-lantern|a session code starts with a number, like 4817-orbit-lantern (got \"x\")",
        "0-orbit-lantern|the number in a session code is 1 to 9999 (got 0)",
        "4817-orbit-lanturn|\"lanturn\" is not a session-code word; did you mean \"lantern\"?"})
    void explainsWhatIsWrong(String typed, String message) {
        assertThatThrownBy(() -> SessionCode.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void everyWordRoundTripsAndKeysDiffer() {
        for (int i = 0; i < 256; i++) {
            SessionCode c = new SessionCode(42, i, 255 - i);
            assertThat(SessionCode.parse(c.toString())).isEqualTo(c);
        }
        assertThat(RendezvousKeys.credentials(SessionCode.parse("1-acid-acid")))
                .isNotEqualTo(RendezvousKeys.credentials(SessionCode.parse("1-acid-acorn")));
    }
}
