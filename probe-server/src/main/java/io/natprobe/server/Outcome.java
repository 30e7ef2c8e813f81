package io.natprobe.server;

import java.net.InetSocketAddress;

/**
 * What the server does with one datagram: send one reply, send several (a rendezvous request may answer
 * its sender and notify the other peer), or drop it silently for a counted reason.
 */
public sealed interface Outcome {

    /**
     * Send {@code bytes} from the socket {@code from} to {@code to}. {@code kind} says what it is
     * (for metrics and the packet log).
     */
    record Reply(SocketRole from, InetSocketAddress to, byte[] bytes, ReplyKind kind) implements Outcome {}

    record Drop(DropReason reason) implements Outcome {}

    /** Several datagrams, sent in order (each to its own destination). Never empty. */
    record Replies(java.util.List<Reply> replies) implements Outcome {
        public Replies {
            replies = java.util.List.copyOf(replies);
            if (replies.isEmpty()) {
                throw new IllegalArgumentException("replies is empty (use Drop)");
            }
        }
    }

    /** The kinds of reply, one metrics label each. */
    enum ReplyKind {
        SUCCESS("success"), RFC3489_SUCCESS("rfc3489-success"), ERROR_400("error-400"),
        ERROR_420("error-420"), OTHER_METHOD("other-method"), RENDEZVOUS("rendezvous");

        private final String label;

        ReplyKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
