package io.natprobe.classify;

/** Names of the tests, as they appear in the evidence. */
final class Labels {
    static final String MAPPING_II = "mapping-II";
    static final String MAPPING_III = "mapping-III";
    static final String FILTERING_II = "filtering-II";
    static final String FILTERING_III = "filtering-III";
    static final String HAIRPIN_A = "hairpin-a";
    static final String HAIRPIN_B = "hairpin-b";

    private Labels() {}

    static String mappingI(int server) {
        return server == 0 ? "mapping-I" : "mapping-I server " + (server + 1);
    }

    static String allocation(int k) {
        return "allocation-" + (k + 1);
    }

    /** Allocation test k against server {@code server} (0-based; only the first server goes unnamed). */
    static String allocation(int k, int server) {
        return server == 0 ? allocation(k) : allocation(k) + " server " + (server + 1);
    }
}
