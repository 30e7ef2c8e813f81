package io.natprobe.lab.cli;

import io.natprobe.cli.ExitCodes;
import io.natprobe.lab.LabPreflight;
import io.natprobe.lab.LabState;
import io.natprobe.lab.LabStateStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared bits of the lab commands: the root/tools check and finding "the" lab. */
final class LabCli {

    private LabCli() {}

    /** Prints why the lab cannot run here and returns exit code 2, or returns -1 when it can. */
    static int preflight(PrintWriter err) {
        Optional<String> problem = LabPreflight.problem();
        if (problem.isPresent()) {
            err.println(problem.get());
            return ExitCodes.USAGE;
        }
        return -1;
    }

    /** The lab with this id, or the only lab made by 'lab up', or an error message. */
    static LabState find(LabStateStore store, String id) {
        if (id != null) {
            return store.load(id).orElseThrow(() -> new IllegalArgumentException("no lab with id '" + id
                    + "' (see 'natprobe lab status')"));
        }
        List<LabState> labs = new ArrayList<>(store.list(new ArrayList<>()).stream()
                .filter(s -> s.owner().equals(LabState.OWNER_CLI)).toList());
        if (labs.isEmpty()) {
            throw new IllegalArgumentException("no lab is up: start one with 'natprobe lab up --nat home=eim,apdf'");
        }
        if (labs.size() > 1) {
            throw new IllegalArgumentException("several labs are up (" + labs.stream().map(LabState::id).toList()
                    + "): choose one with --lab ID");
        }
        return labs.get(0);
    }
}
