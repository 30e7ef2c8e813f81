package io.natprobe.rendezvous;

import java.util.Locale;

/**
 * A rendezvous session code a person can read out over the phone: a nameplate number and two words,
 * e.g. {@code 4817-orbit-lantern}. The nameplate tells the server which session; the words are the
 * secret that keys every message's MESSAGE-INTEGRITY-SHA256 (see {@link RendezvousKeys}).
 */
public record SessionCode(int nameplate, int word1, int word2) {
    public static final int MAX_NAMEPLATE = 9999;

    public SessionCode {
        if (nameplate < 1 || nameplate > MAX_NAMEPLATE) {
            throw new IllegalArgumentException("nameplate out of range (expected: 1.." + MAX_NAMEPLATE + "): " + nameplate);
        }
        if (word1 < 0 || word1 > 255 || word2 < 0 || word2 > 255) {
            throw new IllegalArgumentException("word index out of range (expected: 0..255)");
        }
    }

    /**
     * Parses a code as people type it: any case, words separated by '-', spaces or dots. Errors say
     * which part is wrong and suggest the nearest word for a typo.
     */
    public static SessionCode parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[-\\s.]+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a session code is a number and two words, like 4817-orbit-lantern"
                    + " (got \"" + text.trim() + "\")");
        }
        int nameplate;
        try {
            nameplate = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a session code starts with a number, like 4817-orbit-lantern"
                    + " (got \"" + parts[0] + "\")");
        }
        if (nameplate < 1 || nameplate > MAX_NAMEPLATE) {
            throw new IllegalArgumentException("the number in a session code is 1 to " + MAX_NAMEPLATE
                    + " (got " + parts[0] + ")");
        }
        return new SessionCode(nameplate, word(parts[1]), word(parts[2]));
    }

    private static int word(String w) {
        int i = WordList.indexOf(w);
        if (i < 0) {
            throw new IllegalArgumentException("\"" + w + "\" is not a session-code word; did you mean \""
                    + nearest(w) + "\"?");
        }
        return i;
    }

    static String nearest(String w) {
        return io.natprobe.text.Suggestions.nearest(w, WordList.WORDS);
    }

    /** The canonical form, e.g. "4817-orbit-lantern". */
    @Override
    public String toString() {
        return nameplate + "-" + WordList.WORDS.get(word1) + "-" + WordList.WORDS.get(word2);
    }
}
