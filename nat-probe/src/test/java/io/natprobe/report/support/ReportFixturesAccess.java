package io.natprobe.report.support;

import io.natprobe.log.PacketEvent;
import java.util.List;

/** The fixtures for tests in other packages. */
public final class ReportFixturesAccess {
    private ReportFixturesAccess() {}

    public static String classificationA() throws Exception {
        return ReportFixtures.classification("10.0.1.10:40000", "198.51.100.10:40000", "endpoint-independent",
                "address-and-port-dependent").toPrettyString();
    }

    public static String classificationB() throws Exception {
        return ReportFixtures.classification("10.0.2.20:50000", "198.51.100.20:61001", "endpoint-independent",
                "address-and-port-dependent").toPrettyString();
    }

    public static List<PacketEvent> logA() {
        return ReportFixtures.logA();
    }

    public static List<PacketEvent> logB() {
        return ReportFixtures.logB();
    }
}
