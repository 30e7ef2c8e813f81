package io.natprobe.server;

/**
 * How the handler answers. {@code software} is the SOFTWARE text to send, or null to send none
 * (the default: it tells attackers which version to aim at). {@code rfc3489} answers classic
 * requests that lack the magic cookie.
 */
public record HandlerOptions(String software, boolean rfc3489) {
    public static final HandlerOptions DEFAULT = new HandlerOptions(null, true);
}
