package io.natprobe.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and removes labs: those made by {@code lab up}, those whose test or demo process died,
 * and namespaces named like ours ({@code npl-ID-...}) that no state file explains. It never
 * touches a namespace not named like ours, nor a lab whose owning process is still running
 * (unless asked to with {@code all}).
 */
public final class LabJanitor {

    private final CommandRunner runner;
    private final LabStateStore store;

    public LabJanitor(CommandRunner runner, LabStateStore store) {
        this.runner = runner;
        this.store = store;
    }

    /** Removes one lab by id; returns the namespaces deleted. */
    public List<String> down(String id) {
        Optional<LabState> state = store.load(id);
        List<String> ns = state.map(s -> s.plan().namespaces()).orElse(List.of());
        List<String> ours = new ArrayList<>(ns);
        for (String n : Namespaces.list(runner)) {
            if (LabPlan.idOfNamespace(n).filter(id::equals).isPresent() && !ours.contains(n)) {
                ours.add(n);
            }
        }
        List<String> deleted = Namespaces.deleteExisting(runner, ours);
        store.delete(id);
        return deleted;
    }

    /** Removes CLI labs, stale labs and orphans (and, with {@code all}, labs of running processes). */
    public List<String> downAll(boolean all, List<String> report) {
        List<String> problems = new ArrayList<>();
        List<LabState> states = store.list(problems);
        report.addAll(problems);
        Set<String> liveOthers = states.stream()
                .filter(s -> !all && LabState.OWNER_PROCESS.equals(s.owner()) && !s.ownerGone())
                .map(LabState::id).collect(Collectors.toSet());
        Set<String> ids = new java.util.LinkedHashSet<>();
        states.stream().map(LabState::id).filter(id -> !liveOthers.contains(id)).forEach(ids::add);
        for (String n : Namespaces.list(runner)) {
            LabPlan.idOfNamespace(n).filter(id -> !liveOthers.contains(id)).ifPresent(ids::add);
        }
        for (String id : liveOthers) {
            report.add("left lab " + id + " alone: the process that made it is still running (use --all to remove it anyway)");
        }
        List<String> deleted = new ArrayList<>();
        for (String id : ids) {
            List<String> d = down(id);
            report.add("removed lab " + id + " (" + d.size() + " namespaces)");
            deleted.addAll(d);
        }
        return deleted;
    }
}
