package io.natprobe.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;

/**
 * A {@code --server H[:P]} value: an IPv4 literal, a bracketed IPv6 literal ({@code [::1]:3478}), a
 * bare IPv6 literal (no port), or a host name; the port defaults to 3478 (RFC 8489 §9).
 */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 3478;

    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty server address");
        String s = text.trim();
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("missing ']' in \"" + text + "\" (expected: [IPv6]:PORT)");
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) throw new IllegalArgumentException("unexpected \"" + rest + "\" after ']' in \"" + text + "\"");
                port = rest.substring(1);
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            host = s; // a bare IPv6 literal: no port possible
        } else if (s.indexOf(':') >= 0) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        } else {
            host = s;
        }
        if (host.isEmpty()) throw new IllegalArgumentException("missing host in \"" + text + "\"");
        if (!host.matches("[A-Za-z0-9.:%_-]+")) throw new IllegalArgumentException("not a host name or IP address: \"" + host + "\"");
        int p = DEFAULT_PORT;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port is not a number: \"" + port + "\"");
            }
            if (p < 1 || p > 65535) throw new IllegalArgumentException("port out of range (expected: 1..65535): " + p);
        }
        return new ServerAddress(host, p);
    }

    /** Resolves the host (no lookup for an IP literal). */
    public InetSocketAddress resolve() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Picocli converter: a bad value is a usage error with the reason. */
    public static final class Converter implements CommandLine.ITypeConverter<ServerAddress> {
        @Override
        public ServerAddress convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("invalid --server \"" + value + "\": " + e.getMessage());
            }
        }
    }
}
