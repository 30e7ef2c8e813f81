package io.natprobe.lab.cli;

import io.natprobe.lab.LabAgent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Hidden: the lab's probe agent ({@code ip netns exec NS java -jar natprobe.jar lab agent}). */
@Command(mixinStandardHelpOptions = true, name = "agent", hidden = true, description = "The lab's raw-UDP probe agent (line commands on stdin).")
public final class LabAgentCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        LabAgent.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        return 0;
    }
}
