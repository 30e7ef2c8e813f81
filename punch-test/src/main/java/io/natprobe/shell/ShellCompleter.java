package io.natprobe.shell;

import java.util.List;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion: command names, options and option values from the picocli model (strategies,
 * directions, filter words, keepalive values), and file names for the FILE of `save`.
 */
final class ShellCompleter implements Completer {
    private final Completer commands;
    private final Completer files = new FileNameCompleter();

    ShellCompleter(CommandSpec root) {
        this.commands = new PicocliJLineCompleter(root);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (!words.isEmpty() && words.get(0).equals("save") && line.wordIndex() >= 2
                && !line.word().startsWith("-")) {
            files.complete(reader, line, candidates);
            return;
        }
        commands.complete(reader, line, candidates);
    }
}
