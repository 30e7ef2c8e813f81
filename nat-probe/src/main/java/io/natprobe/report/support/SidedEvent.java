package io.natprobe.report.support;

import io.natprobe.log.PacketEvent;

/** A packet event with the side that logged it and its number in the merged timeline (from 0). */
public record SidedEvent(int id, Side side, PacketEvent event) {}
