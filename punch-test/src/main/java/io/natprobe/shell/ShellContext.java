package io.natprobe.shell;

import io.natprobe.classify.NatReport;
import io.natprobe.log.PacketLog;
import io.natprobe.log.PacketRecorder;
import io.natprobe.punch.PeerLink;
import io.natprobe.punch.PunchException;
import io.natprobe.punch.PunchResult;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one shell remembers between commands: the server, the link to the peer (one socket, one
 * session), the packet events seen so far, the last classification and punch, a pending TTL, and
 * the Ctrl-C flag of the running step. Commands get it through their constructor.
 */
final class ShellContext {
    final PrintWriter out;
    final PrintWriter err;
    final Screen screen;
    final InstantSource clock;
    final LiveLines live;
    final PacketRecorder recorder = new PacketRecorder();
    private final PeerLinkFactory factory;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private String serverText;
    private InetSocketAddress server;
    private PeerLink link;
    private OptionalInt nextTtl = OptionalInt.empty();
    private NatReport lastClassify;
    private PunchResult lastPunch;
    private boolean quit;

    ShellContext(PrintWriter out, PrintWriter err, Screen screen, PeerLinkFactory factory, InstantSource clock) {
        this.out = out;
        this.err = err;
        this.screen = screen;
        this.factory = factory;
        this.clock = clock;
        this.live = new LiveLines(screen);
    }

    /** The Ctrl-C flag: cleared before each command, set by the terminal's INT handler. */
    AtomicBoolean cancelFlag() {
        return cancelled;
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    synchronized void server(String text, InetSocketAddress address) {
        this.serverText = text;
        this.server = address;
    }

    synchronized InetSocketAddress server() {
        return server;
    }

    synchronized String serverText() {
        return serverText;
    }

    /** The link, or a clear error telling how to get one. */
    synchronized PeerLink link() throws PunchException {
        if (link == null) {
            throw new PunchException("no session yet: run `session new` (then give the code to the other side) "
                    + "or `session join CODE` first");
        }
        return link;
    }

    synchronized PeerLink linkOrNull() {
        return link;
    }

    /** Opens a fresh link to the server for a new or joined session (closing any previous one). */
    synchronized PeerLink newLink() throws PunchException {
        if (server == null) {
            throw new PunchException("no server yet: run `server HOST:PORT` first (the natprobe probe server that hosts the rendezvous)");
        }
        closeLink();
        link = factory.open(server, PacketLog.tee(recorder, live), clock);
        return link;
    }

    /** Leaves the session on the server and closes the socket; idempotent. */
    synchronized boolean closeLink() {
        if (link == null) {
            return false;
        }
        PeerLink l = link;
        link = null;
        l.close();
        return true;
    }

    synchronized OptionalInt takeTtl() {
        OptionalInt t = nextTtl;
        nextTtl = OptionalInt.empty();
        return t;
    }

    synchronized void nextTtl(OptionalInt ttl) {
        nextTtl = ttl;
    }

    synchronized OptionalInt peekTtl() {
        return nextTtl;
    }

    synchronized void lastClassify(NatReport r) {
        lastClassify = r;
    }

    synchronized NatReport lastClassify() {
        return lastClassify;
    }

    synchronized void lastPunch(PunchResult r) {
        lastPunch = r;
    }

    synchronized PunchResult lastPunch() {
        return lastPunch;
    }

    synchronized void quit() {
        quit = true;
    }

    synchronized boolean quitting() {
        return quit;
    }

    /** Forgets this shell's view of the attempt (events, last punch); the link forgets its own. */
    synchronized void forget() {
        recorder.clear();
        live.restart();
        lastPunch = null;
        nextTtl = OptionalInt.empty();
    }
}
