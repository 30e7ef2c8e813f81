package io.natprobe.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code natprobe lab up|status|exec|selfcheck|down} as a user runs them: the packaged jar as a process. */
class LabCliIT {

    record Run(int exit, String out, String err) {}

    @org.junit.jupiter.api.io.TempDir
    Path stateDir;

    private Run natprobe(List<String> prefix, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("java", "-jar", System.getProperty("natprobe.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("NATPROBE_LAB_STATE_DIR", stateDir.toString());
        Path out = Files.createTempFile(stateDir, "out", ".txt");
        Path err = Files.createTempFile(stateDir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("natprobe " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run natprobe(String... args) throws Exception {
        return natprobe(List.of(), args);
    }

    @Test
    void upStatusExecSelfcheckDown() throws Exception {
        LabRequirements.assumeLab();
        Run up = natprobe("lab", "up", "--nat", "home=eim,apdf,hairpin,timeout=3,stream-timeout=5,hosts=2");
        assertThat(up.exit()).as(up.err()).isZero();
        Matcher m = Pattern.compile("lab ([0-9a-f]{6}) is up").matcher(up.out());
        assertThat(m.find()).as(up.out()).isTrue();
        String id = m.group(1);
        try {
            assertThat(up.out()).contains("home-1", "10.0.1.2", "home-2", "10.0.1.3", "natprobe lab exec home-1 --");

            Run status = natprobe("lab", "status");
            assertThat(status.exit()).isZero();
            assertThat(status.out()).contains("lab " + id, "made by 'lab up'", "203.0.113.10", "home-2");

            Run addr = natprobe("lab", "exec", "home-2", "--", "ip", "-o", "-4", "addr", "show", "dev", "eth0");
            assertThat(addr.exit()).isZero();
            assertThat(addr.out()).contains("10.0.1.3/24");
            assertThat(natprobe("lab", "exec", "home-1", "--", "sh", "-c", "exit 7").exit()).isEqualTo(7);
            Run nobody = natprobe("lab", "exec", "nohost", "--", "true");
            assertThat(nobody.exit()).isEqualTo(2);
            assertThat(nobody.err()).contains("has no host or router 'nohost'", "home-1");

            Run check = natprobe("lab", "selfcheck");
            assertThat(check.exit()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("PASS      hairpin", "Every router behaves as configured.");
        } finally {
            Run down = natprobe("lab", "down");
            assertThat(down.exit()).as(down.err()).isZero();
            assertThat(down.out()).contains("removed lab " + id);
        }
        Run again = natprobe("lab", "down");
        assertThat(again.exit()).isZero();
        // Idempotent. Other labs on the machine (another user's, a crashed run's) are named but left alone.
        assertThat(again.out()).doesNotContain("removed lab");
        assertThat(again.out()).containsAnyOf("No lab is up (nothing to remove).", "left namespaces of labs");
        assertThat(natprobe("lab", "down", "--lab", id).out()).contains("lab " + id + " is not up");
        assertThat(natprobe("lab", "status").out()).contains("No lab is up.");
        assertThat(Namespaces.list(new ProcessCommandRunner())).noneMatch(n -> n.startsWith(LabPlan.PREFIX + id));
    }

    @Test
    void badTopologiesAreUsageErrorsThatNameTheProblem() throws Exception {
        Run r = natprobe("lab", "up", "--nat", "home=cone,apdf");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("router home: unknown mapping 'cone' (expected: eim, eim-np, adm or apdm)");
        Run f = natprobe("lab", "up", "-f", stateDir.resolve("missing.lab").toString());
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("cannot read");
        Path bad = stateDir.resolve("bad.lab");
        Files.writeString(bad, "nat a=eim,apdf\nnat a=eim,eif\n");
        Run d = natprobe("lab", "up", "-f", bad.toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("router name 'a' is used twice");
        assertThat(r.err() + f.err() + d.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void withoutRootItSaysWhatIsNeededAndExits2() throws Exception {
        LabRequirements.assumeLab(); // root is needed to become someone else
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs setpriv (util-linux) to run a command as an unprivileged user");
        // A copy of the jar that 'nobody' can read, wherever the build tree lives (CI clones into a
        // private temporary directory).
        Path dir = Files.createTempDirectory("natprobe-nobody");
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path jar = dir.resolve("natprobe.jar");
            Files.copy(Path.of(System.getProperty("natprobe.jar")), jar);
            Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            List<String> cmd = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "java", "-jar", jar.toString(), "lab", "status");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isEqualTo(2);
            assertThat(err).contains("The NAT lab needs root", "sudo ./natprobe lab");
        } finally {
            Files.deleteIfExists(dir.resolve("natprobe.jar"));
            Files.deleteIfExists(dir);
        }
    }
}
