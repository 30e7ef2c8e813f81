package io.natprobe.lab;

import java.util.List;

/**
 * What a later {@code natprobe lab ...} invocation needs to find a lab: written before the first
 * namespace is created, removed after the last one is deleted.
 *
 * @param id          the lab id (namespace names start with {@code npl-ID-})
 * @param owner       {@code cli} for labs made by {@code lab up} (they live until {@code lab down});
 *                    {@code process} for labs of a test or demo (stale once that process is gone)
 * @param ownerPid    the process that built it
 * @param ownerStart  that process's start time (ISO-8601, empty when unknown), against PID reuse
 * @param created     when it was built (ISO-8601)
 * @param topology    the topology as topology-file lines
 */
public record LabState(String id, String owner, long ownerPid, String ownerStart, String created, List<String> topology) {

    public static final String OWNER_CLI = "cli";
    public static final String OWNER_PROCESS = "process";

    public LabState {
        topology = List.copyOf(topology);
    }

    public LabPlan plan() {
        return new LabPlan(id, TopologyFile.parse(topology, "lab " + id + " state"));
    }

    /** True when the owner of a process lab has exited (its lab is left over from a crash). */
    public boolean ownerGone() {
        if (!OWNER_PROCESS.equals(owner)) {
            return false;
        }
        return ProcessHandle.of(ownerPid)
                .map(p -> !p.info().startInstant().map(Object::toString).orElse("").equals(ownerStart))
                .orElse(true);
    }
}
