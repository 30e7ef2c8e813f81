package io.natprobe.server;

import java.net.InetAddress;

/**
 * Asked once per reply: may this source address get one more? {@code expensive} replies (those that
 * carry PADDING, go to a RESPONSE-PORT, or leave from another address/port) draw on a tighter budget.
 */
@FunctionalInterface
public interface ReplyBudget {
    ReplyBudget UNLIMITED = (source, expensive) -> true;

    boolean allow(InetAddress source, boolean expensive);
}
