package io.natprobe.report;

import io.natprobe.net.TransactionRecord;

/** One fixed line per transaction for the text evidence: {@code label  local -> to  outcome ...}. */
public final class Transactions {

    private Transactions() {}

    public static String line(TransactionRecord t) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-28s %s -> %s  %s", t.label(), t.local(), t.to(), t.outcome()));
        if (t.rttMs() != null) b.append(" in ").append(t.rttMs()).append(" ms");
        b.append(" (").append(t.sends()).append(t.sends() == 1 ? " send" : " sends").append(')');
        if (t.from() != null) b.append(" from ").append(t.from());
        if (t.receivedOn() != null && !t.receivedOn().equals(t.local())) b.append(" on ").append(t.receivedOn());
        if (t.mappedAddress() != null) b.append(" mapped ").append(t.mappedAddress());
        return b.toString();
    }
}
