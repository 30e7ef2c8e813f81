package io.natprobe.punch;

import io.natprobe.log.EventType;
import io.natprobe.log.Origin;
import io.natprobe.log.PacketEvent;
import io.natprobe.log.PacketEventJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Ships one side's packet log to the other in rendezvous-sized pieces: JSONL without payloads,
 * deflated, cut into {@link #PIECE}-byte chunks (each fits one CONTROL attribute with room to spare).
 * Bulk guesses of port prediction are thinned to their first few so a log fits the server's outbox.
 */
final class LogTransfer {
    static final int PIECE = 600;
    static final int MAX_CHUNKS = 24;
    static final int GUESSES_KEPT = 20;
    private static final int MAX_INFLATED = 4 << 20;

    private LogTransfer() {}

    static List<ControlMessage.LogChunk> chunks(List<PacketEvent> events, Duration serverOffset) {
        List<PacketEvent> kept = new ArrayList<>();
        int guesses = 0;
        for (PacketEvent e : events) {
            if (e.origin() != Origin.SELF) {
                continue;
            }
            if (e.type() == EventType.SENT && (e.summary().contains("guess") || e.summary().contains("predicted"))
                    && ++guesses > GUESSES_KEPT) {
                continue;
            }
            kept.add(new PacketEvent(e.at(), e.origin(), e.type(), e.kind(), e.local(), e.remote(), e.length(),
                    e.summary(), null));
        }
        byte[] packed = deflate(kept);
        while (packed.length > PIECE * MAX_CHUNKS && kept.size() > 1) {
            kept = kept.subList(kept.size() / 4, kept.size()); // keep the later part: the end tells the outcome
            packed = deflate(kept);
        }
        int total = Math.max(1, (packed.length + PIECE - 1) / PIECE);
        long offset = serverOffset.toNanos() / 1000;
        List<ControlMessage.LogChunk> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            out.add(new ControlMessage.LogChunk(i, total, offset,
                    Arrays.copyOfRange(packed, i * PIECE, Math.min(packed.length, (i + 1) * PIECE))));
        }
        return out;
    }

    private static byte[] deflate(List<PacketEvent> events) {
        StringBuilder b = new StringBuilder();
        for (PacketEvent e : events) {
            b.append(PacketEventJson.toLine(e)).append('\n');
        }
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(b.toString().getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** Collects the peer's chunks; complete when every index arrived. */
    static final class Assembler {
        private byte[][] parts;
        private long offsetMicros;

        /** Adds a chunk; a chunk that does not fit the first one's total starts over (a newer log). */
        void add(ControlMessage.LogChunk c) {
            if (c.total() < 1 || c.total() > MAX_CHUNKS || c.index() < 0 || c.index() >= c.total()) {
                return;
            }
            if (parts == null || parts.length != c.total() || c.index() == 0) {
                if (parts == null || parts.length != c.total() || complete()) {
                    parts = new byte[c.total()][];
                }
            }
            parts[c.index()] = c.data();
            offsetMicros = c.serverOffsetMicros();
        }

        boolean complete() {
            return parts != null && Arrays.stream(parts).allMatch(p -> p != null);
        }

        /** How far the server's clock is ahead of the peer's. */
        Duration peerServerOffset() {
            return Duration.ofNanos(offsetMicros * 1000);
        }

        /** The peer's events; malformed lines are skipped (the peer is trusted only as far as its key). */
        List<PacketEvent> events() {
            if (!complete()) {
                return List.of();
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                joined.write(p, 0, p.length);
            }
            Inflater inf = new Inflater();
            inf.setInput(joined.toByteArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                while (!inf.finished() && out.size() < MAX_INFLATED) {
                    int n = inf.inflate(buf);
                    if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        break;
                    }
                    out.write(buf, 0, n);
                }
            } catch (DataFormatException e) {
                return List.of();
            } finally {
                inf.end();
            }
            List<PacketEvent> events = new ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(PacketEventJson.fromLine(line));
                } catch (IllegalArgumentException ignored) {
                    // a line we cannot read is left out of the timeline
                }
            }
            return events;
        }
    }
}
