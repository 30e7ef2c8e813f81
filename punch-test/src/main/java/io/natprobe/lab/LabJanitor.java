package io.natprobe.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and removes labs: those made by {@code lab up} and those whose test or demo process died
 * (both known from their state files). Namespaces named like ours ({@code npl-ID-...}) that no
 * state file here explains may belong to a lab recorded in another state directory, so they are
 * only reported, and removed with {@code all} (or by id). It never touches a namespace not named
 * like ours, nor a lab whose owning process is still running (unless asked to with {@code all}).
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

    /** Removes CLI labs and stale labs (with {@code all} also labs of running processes and unexplained namespaces). */
    public List<String> downAll(boolean all, List<String> report) {
        List<String> problems = new ArrayList<>();
        List<LabState> states = store.list(problems);
        report.addAll(problems);
        Set<String> liveOthers = states.stream()
                .filter(s -> !all && LabState.OWNER_PROCESS.equals(s.owner()) && !s.ownerGone())
                .map(LabState::id).collect(Collectors.toSet());
        Set<String> ids = new java.util.LinkedHashSet<>();
        states.stream().map(LabState::id).filter(id -> !liveOthers.contains(id)).forEach(ids::add);
        Set<String> unexplained = new java.util.TreeSet<>();
        for (String n : Namespaces.list(runner)) {
            LabPlan.idOfNamespace(n).filter(id -> !liveOthers.contains(id) && !ids.contains(id)).ifPresent(unexplained::add);
        }
        if (all) {
            ids.addAll(unexplained);
        } else if (!unexplained.isEmpty()) {
            report.add("left namespaces of labs " + unexplained + " alone: no state file here explains them"
                    + " (another user's lab?); 'natprobe lab down --all' or '--lab ID' removes them");
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
