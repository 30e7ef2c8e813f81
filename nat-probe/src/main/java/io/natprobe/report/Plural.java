package io.natprobe.report;

/** Counted nouns in user-facing text: "1 transaction", "2 transactions" (never "1 transactions"). */
public final class Plural {

    private Plural() {}

    /** {@code n} and the noun, with an "s" unless n is 1. */
    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** {@code n} and the noun, with its given plural form unless n is 1. */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
