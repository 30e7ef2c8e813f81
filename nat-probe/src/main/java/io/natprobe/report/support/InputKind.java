package io.natprobe.report.support;

/** What an input file holds, recognised from its content (never from its name). */
public enum InputKind {
    /** {@code natprobe classify --json}, schema natprobe.classify/1. */
    CLASSIFICATION("classification", "natprobe.classify/"),
    /** {@code natprobe lifetime --json}, schema natprobe.lifetime/1. */
    LIFETIME("binding lifetime", "natprobe.lifetime/"),
    /** {@code natprobe punch --json}, schema natprobe.punch/1. */
    PUNCH("punch result", "natprobe.punch/"),
    /** A JSONL packet log, one packet event per line (docs/json-schema.md, "packet event"). */
    PACKET_LOG("packet log", null);

    private final String words;
    private final String schemaPrefix;

    InputKind(String words, String schemaPrefix) {
        this.words = words;
        this.schemaPrefix = schemaPrefix;
    }

    /** A few words for messages, e.g. "punch result". */
    public String words() {
        return words;
    }

    /** The kind whose schema field ("natprobe.punch/1") this is, or null. Major versions other than 1 are refused by the reader. */
    static InputKind ofSchema(String schema) {
        for (InputKind k : values()) {
            if (k.schemaPrefix != null && schema.startsWith(k.schemaPrefix)) {
                return k;
            }
        }
        return null;
    }
}
