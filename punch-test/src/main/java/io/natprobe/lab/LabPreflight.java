package io.natprobe.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Can this machine run a lab? Root, and the {@code ip}, {@code nft}, {@code conntrack}, {@code sysctl} tools. */
public final class LabPreflight {

    public static final List<String> TOOLS = List.of("ip", "nft", "conntrack", "sysctl");

    private LabPreflight() {}

    /** Empty when the lab can run; otherwise what is missing and what to do, for a person. */
    public static Optional<String> problem() {
        List<String> lines = new ArrayList<>();
        if (!isRoot()) {
            lines.add("The NAT lab needs root: it creates network namespaces and nftables rules.");
            lines.add("Run it as root, e.g. 'sudo ./natprobe lab ...' (nothing outside the lab's own namespaces is changed).");
        }
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            lines.add("Missing tools: " + String.join(", ", missing) + ".");
            lines.add("Install them with 'apt-get install iproute2 nftables conntrack procps'"
                    + " (./natprobe does this by itself when run as root).");
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    public static List<String> missingTools() {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        return TOOLS.stream().filter(t -> dirs.stream().noneMatch(d -> Files.isExecutable(Path.of(d, t)))).toList();
    }
}
