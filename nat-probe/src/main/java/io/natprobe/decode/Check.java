package io.natprobe.decode;

import java.util.Locale;

/** The outcome of a FINGERPRINT or MESSAGE-INTEGRITY check as {@code natprobe decode} reports it. */
public enum Check {
    /** Present and correct. */
    VALID,
    /** Present but wrong: the bytes were changed, or (for integrity) the key is wrong. */
    INVALID,
    /** The message does not carry the attribute. */
    ABSENT,
    /** Not checked: no key was given. */
    UNCHECKED;

    /** The JSON form: valid, invalid, absent, unchecked. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
