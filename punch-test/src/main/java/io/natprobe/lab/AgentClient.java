package io.natprobe.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Drives one {@link LabAgent} process inside a namespace. Thread-safe. */
public final class AgentClient implements AutoCloseable {

    /** What arrived: the sender as {@code IP:PORT} and the payload word. */
    public record Received(String from, String word) {
        public String address() {
            return from.substring(0, from.lastIndexOf(':'));
        }

        public int port() {
            return Integer.parseInt(from.substring(from.lastIndexOf(':') + 1));
        }
    }

    /** Outcome of a connected probe. */
    public enum ProbeOutcome { ANSWERED, UNREACHABLE, SILENT }

    private final String namespace;
    private final Process process;
    private final Writer in;
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final StringBuffer stderr = new StringBuffer();
    private final AtomicLong tags = new AtomicLong();

    private AgentClient(String namespace, Process process) {
        this.namespace = namespace;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLoop, "agent-" + namespace);
        reader.setDaemon(true);
        reader.start();
        Thread err = new Thread(() -> {
            try (BufferedReader r = process.errorReader(StandardCharsets.UTF_8)) {
                r.lines().forEach(l -> stderr.append(l).append('\n'));
            } catch (IOException | RuntimeException e) {
                // the process is gone
            }
        }, "agent-err-" + namespace);
        err.setDaemon(true);
        err.start();
    }

    /**
     * Starts an agent JVM inside {@code namespace} from the classes this JVM runs, or from the
     * packaged jar named by system property {@code natprobe.jar} (set for integration tests).
     */
    public static AgentClient start(String namespace) {
        List<String> argv = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(javaCommand(LabAgent.class.getName()));
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new LabException("cannot start the probe agent in " + namespace + ": " + e.getMessage(), e);
        }
        AgentClient c = new AgentClient(namespace, p);
        try {
            c.ready.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            c.close();
            throw new LabException("the probe agent in " + namespace + " did not start: " + c.stderr, e);
        }
        return c;
    }

    /**
     * A command line that runs {@code mainClass} with natprobe's classes in a quick-starting JVM:
     * the packaged jar named by system property {@code natprobe.jar} when it exists, else this
     * JVM's class path. {@code javaCommand("io.natprobe.app.Main", "classify", ...)} runs natprobe.
     */
    public static List<String> javaCommand(String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("natprobe.jar", "");
        String classpath = !jar.isEmpty() && new java.io.File(jar).isFile() ? jar : System.getProperty("java.class.path");
        List<String> argv = new java.util.ArrayList<>(List.of(java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", classpath, mainClass));
        argv.addAll(List.of(args));
        return argv;
    }

    public String namespace() {
        return namespace;
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("ready")) {
                    ready.complete(null);
                    continue;
                }
                int sp = line.indexOf(' ');
                CompletableFuture<String> f = sp < 0 ? null : pending.remove(line.substring(0, sp));
                if (f != null) {
                    f.complete(line.substring(sp + 1));
                }
            }
        } catch (IOException e) {
            // fall through: the process ended
        }
        LabException gone = new LabException("the probe agent in " + namespace + " exited: " + stderr);
        ready.completeExceptionally(gone);
        pending.values().forEach(f -> f.completeExceptionally(gone));
    }

    /** Sends one command and waits for its answer; an {@code err} answer becomes a {@link LabException}. */
    public String call(String command, long waitMillis) {
        String tag = "t" + tags.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        pending.put(tag, f);
        try {
            synchronized (in) {
                in.write(tag + " " + command + "\n");
                in.flush();
            }
            String answer = f.get(waitMillis + 10_000, TimeUnit.MILLISECONDS);
            if (answer.startsWith("err")) {
                throw new LabException("probe agent in " + namespace + ": '" + command + "' -> " + answer);
            }
            return answer;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new LabException("probe agent in " + namespace + " failed on '" + command + "': " + e + " " + stderr, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        } finally {
            pending.remove(tag);
        }
    }

    /** Binds socket {@code sock}; returns the bound port. */
    public int bind(String sock, String ip, int port) {
        String a = call("bind " + sock + " " + ip + " " + port, 0);
        return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
    }

    public void send(String sock, String ip, int port, String word) {
        call("send " + sock + " " + ip + " " + port + " " + word, 0);
    }

    public void sendMany(String sock, String ip, int port, int n, String word) {
        call("sendn " + sock + " " + ip + " " + port + " " + n + " " + word, 0);
    }

    public Optional<Received> receive(String sock, long millis) {
        return parseGot(call("recv " + sock + " " + millis, millis));
    }

    public int count(String sock, int n, long millis) {
        return Integer.parseInt(call("count " + sock + " " + n + " " + millis, millis).substring("count ".length()));
    }

    /** Starts counting datagrams on {@code sock} in the background; returns once the agent is receiving. */
    public void listen(String sock, int n, long millis) {
        call("listen " + sock + " " + n + " " + millis, 0);
    }

    /** The result of {@link #listen}: waits until n datagrams arrived or its time is up. */
    public int counted(String sock, long millis) {
        return Integer.parseInt(call("counted " + sock, millis).substring("count ".length()));
    }

    public ProbeOutcome probe(String sock, String ip, int port, long millis) {
        String a = call("probe " + sock + " " + ip + " " + port + " " + millis, millis);
        return a.equals("unreachable") ? ProbeOutcome.UNREACHABLE
                : a.equals("timeout") ? ProbeOutcome.SILENT : ProbeOutcome.ANSWERED;
    }

    public void closeSocket(String sock) {
        call("close " + sock, 0);
    }

    private static Optional<Received> parseGot(String a) {
        if (a.equals("timeout")) {
            return Optional.empty();
        }
        String[] w = a.split(" ");
        return Optional.of(new Received(w[1], w.length > 2 ? w[2] : ""));
    }

    /** Stops the agent (it is our child: ended by its own handle, never by name). */
    @Override
    public void close() {
        try {
            synchronized (in) {
                in.write("quit\n");
                in.flush();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
