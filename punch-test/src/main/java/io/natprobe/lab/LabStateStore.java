package io.natprobe.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Lab state files, one JSON file per lab in {@code /run/natprobe-lab/} (tmpfs: gone after a reboot, like the namespaces). */
public final class LabStateStore {

    public static final Path DEFAULT_DIR = Path.of("/run/natprobe-lab");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public LabStateStore(Path dir) {
        this.dir = dir;
    }

    /** The directory from {@code NATPROBE_LAB_STATE_DIR}, else {@link #DEFAULT_DIR}. */
    public static LabStateStore fromEnvironment() {
        String env = System.getenv("NATPROBE_LAB_STATE_DIR");
        return new LabStateStore(env == null || env.isBlank() ? DEFAULT_DIR : Path.of(env));
    }

    public Path dir() {
        return dir;
    }

    public void save(LabState state) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(state.id() + ".json.tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file(state.id()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabException("cannot write lab state to " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<LabState> load(String id) {
        Path f = file(id);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), LabState.class));
        } catch (IOException e) {
            throw new LabException("lab state file " + f + " is unreadable (" + e.getMessage()
                    + "); delete it and run 'natprobe lab down --all'", e);
        }
    }

    /** Every readable state, oldest first; unreadable files are reported through {@code problems}. */
    public List<LabState> list(List<String> problems) {
        List<LabState> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String id = f.getFileName().toString().replace(".json", "");
                try {
                    load(id).ifPresent(out::add);
                } catch (LabException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new LabException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(LabState::created));
        return out;
    }

    public void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new LabException("cannot delete lab state " + file(id) + ": " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}
