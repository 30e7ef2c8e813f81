package io.natprobe.lab;

import java.time.Duration;

/**
 * One row of the demo's tables: what was configured, what was measured, whether they match.
 *
 * @param subject    a router, or for a punch matrix a pair {@code a -> b}
 * @param configured what the lab built
 * @param measured   what the step observed
 * @param match      whether measured agrees with configured
 * @param took       how long the step took for this row
 * @param details    shown below the table when the row does not match (diagnostics)
 */
public record DemoRow(String subject, String configured, String measured, boolean match, Duration took, String details) {}
