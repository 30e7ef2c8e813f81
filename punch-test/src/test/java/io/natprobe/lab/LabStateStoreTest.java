package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabStateStoreTest {

    @Test
    void savesLoadsListsAndDeletes(@TempDir Path dir) {
        LabStateStore store = new LabStateStore(dir.resolve("sub"));
        LabState s = new LabState("abc123", LabState.OWNER_CLI, 42, "", "2026-01-01T00:00:00Z",
                LabPlanTest.PLAN.topology().toLines());
        store.save(s);
        assertThat(store.load("abc123")).contains(s);
        assertThat(store.load("abc123").orElseThrow().plan().topology()).isEqualTo(LabPlanTest.PLAN.topology());
        assertThat(store.list(new ArrayList<>())).containsExactly(s);
        store.delete("abc123");
        store.delete("abc123");
        assertThat(store.load("abc123")).isEmpty();
    }

    @Test
    void aBrokenStateFileIsReportedNotFatal(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad000.json"), "{not json");
        LabStateStore store = new LabStateStore(dir);
        List<String> problems = new ArrayList<>();
        assertThat(store.list(problems)).isEmpty();
        assertThat(problems).singleElement().asString().contains("bad000.json is unreadable");
        assertThatThrownBy(() -> store.load("bad000")).isInstanceOf(LabException.class)
                .hasMessageContaining("delete it and run 'natprobe lab down --all'");
    }

    @Test
    void aProcessLabIsStaleWhenItsOwnerIsGone() {
        ProcessHandle me = ProcessHandle.current();
        String start = me.info().startInstant().map(Object::toString).orElse("");
        List<String> t = LabPlanTest.PLAN.topology().toLines();
        assertThat(new LabState("abc123", LabState.OWNER_PROCESS, me.pid(), start, "x", t).ownerGone()).isFalse();
        assertThat(new LabState("abc123", LabState.OWNER_PROCESS, me.pid(), "1999-01-01T00:00:00Z", "x", t).ownerGone()).isTrue();
        assertThat(new LabState("abc123", LabState.OWNER_PROCESS, Long.MAX_VALUE / 2, "", "x", t).ownerGone()).isTrue();
        assertThat(new LabState("abc123", LabState.OWNER_CLI, Long.MAX_VALUE / 2, "", "x", t).ownerGone()).isFalse();
    }
}
