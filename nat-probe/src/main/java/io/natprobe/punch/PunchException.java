package io.natprobe.punch;

/** A step that cannot run now, with a message for the user that says what to do instead. */
public final class PunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public PunchException(String message) {
        super(message, null, false, false);
    }

    public PunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
