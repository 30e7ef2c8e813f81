package io.natprobe.log;

import java.util.List;

/**
 * Receives packet events as they happen. Implementations: the live terminal lines, a JSONL file, a
 * pcap file, an in-memory {@link PacketRecorder}.
 *
 * <p>Order: events of one session arrive in the order they happened on the thread that performs the
 * I/O (a packet is SENT after the call that sent it returned; RECEIVED when read; a TIMEOUT after the
 * deadline passed with no answer; STATE when the procedure moves on). A listener must not block: it
 * is called on the I/O thread. {@link #NONE} is the default.
 */
@FunctionalInterface
public interface PacketLog {

    /** Ignores every event. */
    PacketLog NONE = event -> { };

    void onEvent(PacketEvent event);

    /** Flushes and releases what the log holds (files); a no-op by default. */
    default void close() { }

    /** One log that forwards to several, in order. */
    static PacketLog tee(PacketLog... logs) {
        List<PacketLog> all = List.of(logs);
        return new PacketLog() {
            @Override
            public void onEvent(PacketEvent event) {
                for (PacketLog l : all) {
                    l.onEvent(event);
                }
            }

            @Override
            public void close() {
                for (PacketLog l : all) {
                    l.close();
                }
            }
        };
    }
}
