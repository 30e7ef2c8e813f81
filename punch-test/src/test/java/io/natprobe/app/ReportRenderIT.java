package io.natprobe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.natprobe.log.PacketEventJson;
import io.natprobe.report.support.ReportFixturesAccess;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code natprobe report --html} from the packaged jar, rendered by headless Chromium through
 * bench/report-render.sh: the page must draw (not blank) and show the ladder's colours (red lost
 * packets and X marks, orange ICMP, blue peer traffic). Without Chromium the test skips, unless
 * NATPROBE_REQUIRE_LAB=1 makes that a failure.
 */
class ReportRenderIT {

    private static Path repoRoot() {
        String jar = System.getProperty("natprobe.jar");
        assertThat(jar).as("system property natprobe.jar").isNotNull();
        return Path.of(jar).toAbsolutePath().getParent().getParent().getParent();
    }

    private static int exec(Path log, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) { // a hang guard, not a speed assertion
            p.destroyForcibly();
            throw new AssertionError("did not exit: " + cmd);
        }
        return p.exitValue();
    }

    private static void lines(Path file, List<io.natprobe.log.PacketEvent> events) throws IOException {
        StringBuilder b = new StringBuilder();
        events.forEach(e -> b.append(PacketEventJson.toLine(e)).append('\n'));
        Files.writeString(file, b);
    }

    @Test
    void chromiumRendersTheReportWithItsLadder(@TempDir Path dir) throws Exception {
        Path root = repoRoot();
        Path a = Files.writeString(dir.resolve("a.json"), ReportFixturesAccess.classificationA());
        Path b = Files.writeString(dir.resolve("b.json"), ReportFixturesAccess.classificationB());
        Path la = dir.resolve("a.jsonl");
        Path lb = dir.resolve("b.jsonl");
        lines(la, ReportFixturesAccess.logA());
        lines(lb, ReportFixturesAccess.logB());
        Path html = dir.resolve("report.html");
        Path log = dir.resolve("run.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int rc = exec(log, List.of(java, "-jar", System.getProperty("natprobe.jar"), "report", a.toString(), b.toString(),
                la.toString(), lb.toString(), "--html", html.toString()));
        assertThat(rc).as(Files.readString(log)).isZero();

        Path png = dir.resolve("report.png");
        List<String> render = new ArrayList<>(List.of("bash", root.resolve("bench/report-render.sh").toString(),
                html.toString(), png.toString(), "1200x1800"));
        rc = exec(log, render);
        if (rc == 3) {
            String reason = "chromium is not installed: " + Files.readString(log).strip();
            if ("1".equals(System.getenv("NATPROBE_REQUIRE_LAB"))) fail(reason + " (NATPROBE_REQUIRE_LAB=1)");
            Assumptions.abort(reason);
        }
        assertThat(rc).as(Files.readString(log)).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(1800);
        assertThat(count(img, 0xcf222e)).as("red: lost packets and their X").isGreaterThan(300);
        assertThat(count(img, 0xbc4c00)).as("orange: the ICMP error").isGreaterThan(50);
        assertThat(count(img, 0x0969da)).as("blue: packets between the peers").isGreaterThan(300);
        assertThat(count(img, 0x1a7f37)).as("green: verdict bar and keepalive").isGreaterThan(300);
    }

    /** Pixels within a small distance of {@code rgb} (anti-aliasing blurs edges, not the middle of a stroke). */
    private static int count(BufferedImage img, int rgb) {
        int r0 = (rgb >> 16) & 0xFF, g0 = (rgb >> 8) & 0xFF, b0 = rgb & 0xFF;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int dr = ((p >> 16) & 0xFF) - r0, dg = ((p >> 8) & 0xFF) - g0, db = (p & 0xFF) - b0;
                if (dr * dr + dg * dg + db * db < 300) n++;
            }
        }
        return n;
    }
}
