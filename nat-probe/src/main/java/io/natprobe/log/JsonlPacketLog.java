package io.natprobe.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes each event as one JSON line ({@link PacketEventJson}); reads such files back. */
public final class JsonlPacketLog implements PacketLog {
    private final Writer out;

    public JsonlPacketLog(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    }

    public static JsonlPacketLog create(Path file) throws IOException {
        return new JsonlPacketLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void onEvent(PacketEvent event) {
        try {
            out.write(PacketEventJson.toLine(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSONL log; a bad line raises an {@link IllegalArgumentException} naming its line number. */
    public static List<PacketEvent> read(Path file) throws IOException {
        List<PacketEvent> events = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(PacketEventJson.fromLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage());
            }
        }
        return events;
    }
}
