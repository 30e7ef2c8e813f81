package io.natprobe.punch;

import java.net.InetSocketAddress;

/**
 * What {@link PeerLink#listen} heard.
 *
 * @param probesHeard   the peer's probes that arrived
 * @param answersHeard  answers to our probes that arrived
 * @param from          where they came from (null if nothing arrived)
 * @param icmpErrors    ICMP errors the socket reported meanwhile
 * @param cancelled     true if the wait was cut short
 */
public record ListenResult(int probesHeard, int answersHeard, InetSocketAddress from, int icmpErrors,
                           boolean cancelled) { }
