package io.natprobe.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lab's own raw-UDP probe, one JVM per namespace ({@code ip netns exec NS java ... LabAgent}),
 * driven by line commands on stdin so one start-up serves many probes. Each line is
 * {@code TAG COMMAND ARGS}; each answer is {@code TAG RESULT}. Commands run concurrently, so one
 * agent in the server namespace serves probes of many routers at once; the driver never uses one
 * socket from two probes at the same time.
 * <pre>
 * bind S IP PORT                 -> ok IP:PORT
 * send S IP PORT WORD            -> ok
 * sendn S IP PORT N WORD         -> ok            (N datagrams)
 * recv S MILLIS                  -> got IP:PORT WORD | timeout
 * count S N MILLIS               -> count K       (datagrams received until N or MILLIS elapsed)
 * listen S N MILLIS              -> ok            (the same count in the background, already receiving)
 * counted S                      -> count K       (waits for the background count of S)
 * probe S IP PORT MILLIS         -> got IP:PORT WORD | unreachable | timeout   (connected socket:
 *                                   an ICMP port-unreachable surfaces as PortUnreachableException)
 * close S                        -> ok
 * </pre>
 * It deliberately knows nothing about NAT behaviour: it only sends and reports what arrived.
 */
public final class LabAgent {

    private final Map<String, DatagramSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Integer>> counts = new ConcurrentHashMap<>();
    private final PrintStream out;

    LabAgent(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.exit(0);
    }

    /** Serves commands until {@code quit} or end of input. */
    public static void run(BufferedReader in, PrintStream out) throws IOException {
        LabAgent agent = new LabAgent(out);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "agent");
            t.setDaemon(true);
            return t;
        });
        out.println("ready");
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.strip().split("\\s+");
            if (w.length == 0 || w[0].isEmpty()) {
                continue;
            }
            if (w[0].equals("quit")) {
                break;
            }
            pool.submit(() -> agent.answer(w));
        }
        agent.sockets.values().forEach(DatagramSocket::close);
        pool.shutdownNow();
    }

    private void answer(String[] w) {
        String tag = w[0];
        String result;
        try {
            result = w.length < 2 ? "err missing command" : execute(w);
        } catch (RuntimeException | IOException e) {
            result = "err " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        synchronized (out) {
            out.println(tag + " " + result.replace('\n', ' '));
        }
    }

    private String execute(String[] w) throws IOException {
        switch (w[1]) {
            case "bind" -> {
                need(w, 5);
                DatagramSocket s = new DatagramSocket(null);
                s.bind(new InetSocketAddress(InetAddress.getByName(w[3]), Integer.parseInt(w[4])));
                DatagramSocket old = sockets.put(w[2], s);
                if (old != null) {
                    old.close();
                }
                return "ok " + s.getLocalAddress().getHostAddress() + ":" + s.getLocalPort();
            }
            case "send" -> {
                need(w, 6);
                send(socket(w[2]), w[3], w[4], w[5]);
                return "ok";
            }
            case "sendn" -> {
                need(w, 7);
                DatagramSocket s = socket(w[2]);
                for (int i = 0, n = Integer.parseInt(w[5]); i < n; i++) {
                    send(s, w[3], w[4], w[6] + "-" + i);
                    if (i % 20 == 19) {
                        pause(); // a burst larger than the receiver's socket buffer would be "loss" we made ourselves
                    }
                }
                return "ok";
            }
            case "recv" -> {
                need(w, 4);
                return receive(socket(w[2]), Integer.parseInt(w[3]));
            }
            case "count" -> {
                need(w, 5);
                return "count " + count(socket(w[2]), Integer.parseInt(w[3]), Long.parseLong(w[4]), null);
            }
            case "listen" -> {
                need(w, 5);
                DatagramSocket s = socket(w[2]);
                int want = Integer.parseInt(w[3]);
                long millis = Long.parseLong(w[4]);
                // Answer only once the receiving thread runs, so a burst sent afterwards finds a reader
                // (a full socket buffer would look like loss on the router).
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                counts.put(w[2], java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return count(s, want, millis, started);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, task -> {
                    Thread t = new Thread(task, "agent-count");
                    t.setDaemon(true);
                    t.start();
                }));
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "ok";
            }
            case "counted" -> {
                need(w, 3);
                java.util.concurrent.CompletableFuture<Integer> f = counts.remove(w[2]);
                if (f == null) {
                    return "err no background count on '" + w[2] + "' (use listen first)";
                }
                return "count " + f.join();
            }
            case "probe" -> {
                need(w, 6);
                DatagramSocket s = socket(w[2]);
                s.connect(new InetSocketAddress(InetAddress.getByName(w[3]), Integer.parseInt(w[4])));
                try {
                    send(s, w[3], w[4], "probe");
                    return receive(s, Integer.parseInt(w[5]));
                } catch (PortUnreachableException e) {
                    return "unreachable";
                } finally {
                    s.disconnect();
                }
            }
            case "close" -> {
                need(w, 3);
                DatagramSocket s = sockets.remove(w[2]);
                if (s != null) {
                    s.close();
                }
                return "ok";
            }
            default -> {
                return "err unknown command '" + w[1] + "'";
            }
        }
    }

    private static int count(DatagramSocket s, int want, long millis, java.util.concurrent.CountDownLatch started)
            throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int got = 0;
        s.setSoTimeout(1);
        if (started != null) {
            started.countDown();
        }
        while (got < want) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0 || receive(s, (int) left).equals("timeout")) {
                break;
            }
            got++;
        }
        return got;
    }

    private static String receive(DatagramSocket s, int millis) throws IOException {
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.setSoTimeout(Math.max(1, millis));
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return "timeout";
        }
        String word = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8).replaceAll("\\s", "_");
        return "got " + p.getAddress().getHostAddress() + ":" + p.getPort() + " " + (word.isEmpty() ? "-" : word);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(DatagramSocket s, String ip, String port, String word) throws IOException {
        byte[] b = word.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, new InetSocketAddress(InetAddress.getByName(ip), Integer.parseInt(port))));
    }

    private DatagramSocket socket(String name) throws SocketException {
        DatagramSocket s = sockets.get(name);
        if (s == null) {
            throw new SocketException("no socket '" + name + "' (bind it first)");
        }
        return s;
    }

    private static void need(String[] w, int n) {
        if (w.length < n) {
            throw new IllegalArgumentException("'" + w[1] + "' needs " + (n - 2) + " arguments");
        }
    }
}
