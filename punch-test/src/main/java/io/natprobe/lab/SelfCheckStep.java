package io.natprobe.lab;

import java.util.List;

/** Demo step: the lab's own raw-UDP self-check behind every router. */
public final class SelfCheckStep implements DemoStep {

    @Override
    public String title() {
        return "Lab self-check (raw UDP probes from a host behind each router to the server)";
    }

    @Override
    public List<DemoRow> run(Lab lab) {
        return LabSelfCheck.run(lab).stream()
                .map(r -> new DemoRow(r.router().name(), r.configured(), r.measured(), r.passed(), r.took(),
                        r.passed() ? "" : r.details()))
                .toList();
    }
}
