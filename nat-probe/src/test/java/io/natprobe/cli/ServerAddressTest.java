package io.natprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1, 3478",
        "127.0.0.1:3479, 127.0.0.1, 3479",
        "[::1]:5000, ::1, 5000",
        "[::1], ::1, 3478",
        "::1, ::1, 3478",
        "stun.example.org:19302, stun.example.org, 19302",
    })
    void parses(String text, String host, int port) {
        assertThat(ServerAddress.parse(text)).isEqualTo(new ServerAddress(host, port));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:0 | port out of range",
        "127.0.0.1:70000 | port out of range",
        "127.0.0.1:x | port is not a number",
        ":3478 | missing host",
        "[::1 | missing ']'",
        "[::1]x | unexpected",
        "a b:1 | not a host name",
    })
    void rejectsWithAReason(String text, String reason) {
        assertThatThrownBy(() -> ServerAddress.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
