package io.natprobe.lifetime;

import io.natprobe.net.TransactionRecord;
import java.util.List;

/**
 * RFC 5780 §4.6 binding lifetimes, each null when not measured.
 *
 * @param singleExchange a binding that carried one request and one response
 * @param sustained      a binding that carried two-way traffic for a few seconds (Linux then switches
 *                       it to its longer "stream" timeout)
 * @param maxSeconds     the longest delay tried
 * @param warnings       plain-language problems met while measuring
 * @param transactions   the evidence
 */
public record LifetimeResult(LifetimeBound singleExchange, LifetimeBound sustained, int maxSeconds,
                             List<String> warnings, long durationMs, List<TransactionRecord> transactions) {

    public LifetimeResult {
        warnings = List.copyOf(warnings);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    public LifetimeResult withTransactions(List<TransactionRecord> t) {
        return new LifetimeResult(singleExchange, sustained, maxSeconds, warnings, durationMs, t);
    }

    /** RFC 4787 REQ-5: a UDP binding timer MUST NOT expire in less than two minutes. */
    public static final int RFC4787_MIN_SECONDS = 120;
}
