package io.natprobe.decode;

/** The text given to {@code natprobe decode} is not hex (or a hex dump); the message says what and where. */
public final class HexInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public HexInputException(String message) {
        super(message, null, false, false);
    }
}
