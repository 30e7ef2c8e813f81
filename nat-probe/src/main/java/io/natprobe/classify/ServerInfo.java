package io.natprobe.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one server turned out to be.
 *
 * @param address      "ip:port" as probed
 * @param support      what it supports, see {@link Support}
 * @param otherAddress OTHER-ADDRESS (or legacy CHANGED-ADDRESS) it announced, or null
 * @param software     its SOFTWARE attribute, or null
 */
public record ServerInfo(String address, Support support, String otherAddress, String software) {

    public enum Support {
        /** Answered with OTHER-ADDRESS: full RFC 5780 NAT behaviour discovery. */
        RFC5780("rfc5780"),
        /** Answered with CHANGED-ADDRESS only: an RFC 3489 server, used like an RFC 5780 one. */
        LEGACY_RFC3489("legacy-rfc3489"),
        /** Answered, but without OTHER-ADDRESS: mapped address only. */
        NO_RFC5780("no-rfc5780"),
        /** Never answered. */
        NO_ANSWER("no-answer");

        private final String wire;

        Support(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @Override
        public String toString() {
            return wire;
        }
    }
}
