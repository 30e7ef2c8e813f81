package io.natprobe.lab;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Daemon threads for probes that mostly wait (timeouts), so many routers are checked at once. */
final class LabExecutors {

    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-probe");
        t.setDaemon(true);
        return t;
    });

    private LabExecutors() {}
}
