package io.natprobe.punch;

import io.natprobe.log.TrafficKind;
import java.net.InetSocketAddress;

/** What a {@link PunchSession} asks its driver to do, in order. */
public sealed interface PunchAction {

    /** Send {@code data} from punch socket {@code socket} (0: the main socket) to {@code to}. */
    record Send(int socket, InetSocketAddress to, byte[] data, TrafficKind kind, String summary) implements PunchAction { }

    /** Send a control message to the peer through the rendezvous server. */
    record SendControl(ControlMessage message) implements PunchAction { }

    /**
     * Open {@code count} more punch sockets (numbered 1..count) on fresh local ports, before the
     * next action runs (the birthday technique's many sockets).
     */
    record OpenSockets(int count) implements PunchAction { }

    /** Close every extra socket except {@code keep} (0: close them all). */
    record CloseExtraSockets(int keep) implements PunchAction { }

    /** A step or state change, for the packet log. */
    record Note(String text) implements PunchAction { }

    /** The automatic attempt is over. */
    record Finished(PunchResult result) implements PunchAction { }
}
