package io.natprobe.lab;

import java.util.List;

/**
 * One section of {@code natprobe lab demo}: runs against the built lab and yields table rows.
 * The lab self-check comes first, then classification from a host behind each router
 * ({@link ClassifyStep}); the punch matrix between pairs of hosts is meant to be a further step.
 */
public interface DemoStep {

    /** The section heading. */
    String title();

    /** Runs the step; a failure to judge a row is a non-matching row, not an exception. */
    List<DemoRow> run(Lab lab);
}
