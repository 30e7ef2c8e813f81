package io.natprobe.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A running lab: builds it from a plan, gives access to its namespaces and probe agents, and
 * tears it down (idempotent; also after a failed build).
 */
public final class Lab implements AutoCloseable {

    private final LabPlan plan;
    private final CommandRunner runner;
    private final LabStateStore store;
    private final Map<String, AgentClient> agents = new ConcurrentHashMap<>();
    private final List<Process> spawned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean down;

    private Lab(LabPlan plan, CommandRunner runner, LabStateStore store) {
        this.plan = plan;
        this.runner = runner;
        this.store = store;
    }

    /**
     * Builds a lab. The state file is written first, so a crash at any point leaves a lab that
     * {@code lab down} can find; when the build fails, everything made so far is removed again.
     */
    public static Lab up(LabTopology topology, String owner, CommandRunner runner, LabStateStore store) {
        LabPlan plan = LabPlan.create(topology);
        ProcessHandle me = ProcessHandle.current();
        // Owned by this process while it builds: if it dies half-way, 'lab down' knows the lab is stale.
        LabState state = new LabState(plan.id(), LabState.OWNER_PROCESS, me.pid(),
                me.info().startInstant().map(Object::toString).orElse(""), Instant.now().toString(), topology.toLines());
        store.save(state);
        Lab lab = new Lab(plan, runner, store);
        try {
            lab.build();
            if (!owner.equals(state.owner())) {
                store.save(new LabState(state.id(), owner, state.ownerPid(), state.ownerStart(), state.created(),
                        state.topology()));
            }
        } catch (RuntimeException e) {
            try {
                lab.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return lab;
    }

    /** A lab built earlier (by another process), found through its state. */
    public static Lab attach(LabState state, CommandRunner runner, LabStateStore store) {
        return new Lab(state.plan(), runner, store);
    }

    public LabPlan plan() {
        return plan;
    }

    public CommandRunner runner() {
        return runner;
    }

    private void build() {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "lab-build");
            t.setDaemon(true);
            return t;
        });
        try {
            for (List<Command> phase : LabBuildPlan.phases(plan)) {
                List<Future<CommandResult>> results = new ArrayList<>();
                for (Command c : phase) {
                    results.add(pool.submit(() -> runner.check(c)));
                }
                for (Future<CommandResult> f : results) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException re ? re : new LabException(e.getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while building lab " + plan.id(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The probe agent of a namespace, started on first use and stopped by {@link #close()}. */
    public AgentClient agent(String namespace) {
        if (down) {
            throw new IllegalStateException("lab " + plan.id() + " is down");
        }
        return agents.computeIfAbsent(namespace, AgentClient::start);
    }

    /**
     * Starts a long-running program inside a lab namespace (e.g. the probe server in the server
     * namespace, or a punch peer on a host); it is stopped by {@link #close()}. Output goes to the
     * given files (or is discarded when null).
     */
    public Process spawn(String namespace, List<String> argv, java.io.File stdout, java.io.File stderr) {
        if (down) {
            throw new IllegalStateException("lab " + plan.id() + " is down");
        }
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout));
        pb.redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr));
        try {
            Process p = pb.start();
            spawned.add(p);
            return p;
        } catch (java.io.IOException e) {
            throw new LabException("cannot start " + String.join(" ", argv) + " in " + namespace + ": " + e.getMessage(), e);
        }
    }

    /** {@code nft list ruleset} and {@code conntrack -L} of a router, for failure reports. */
    public String diagnostics(RouterPlan r) {
        StringBuilder b = new StringBuilder();
        List<RouterPlan> boxes = new ArrayList<>();
        r.carrier().ifPresent(boxes::add);
        boxes.add(r);
        for (RouterPlan box : boxes) {
            CommandResult nft = runner.run(Command.inNamespace(box.namespace(), "listing the ruleset", "", "nft", "list", "ruleset"));
            CommandResult ct = runner.run(Command.inNamespace(box.namespace(), "listing conntrack", "", "conntrack", "-L", "-p", "udp"));
            b.append("--- ").append(box.namespace()).append(": nft list ruleset\n").append(nft.stdout()).append(nft.stderr());
            b.append("--- ").append(box.namespace()).append(": conntrack -L -p udp\n").append(ct.stdout()).append(ct.stderr());
        }
        return b.toString();
    }

    /** Stops the probe agents and spawned programs but leaves the lab up (for a lab made by another process). */
    public void stopAgents() {
        agents.values().forEach(AgentClient::close);
        agents.clear();
        for (Process p : spawned) {
            // Our own children, ended by their handles (never by name).
            p.destroy();
            try {
                if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        spawned.clear();
    }

    /** Tears the lab down: agents, namespaces, state file. Safe to call twice. */
    @Override
    public void close() {
        down = true;
        stopAgents();
        Namespaces.deleteExisting(runner, plan.namespaces());
        store.delete(plan.id());
    }
}
