package io.natprobe.decode;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.StunMessage;

/**
 * What the user told {@code natprobe decode} about the key: a short-term password, or long-term
 * username, realm and password with an optional password algorithm (RFC 8489 §9.2.2: when absent,
 * the message's PASSWORD-ALGORITHM decides, and without one it is MD5).
 */
public record KeySpec(String username, String realm, String password, Integer passwordAlgorithm) {
    public KeySpec {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        if ((username == null) != (realm == null)) {
            throw new IllegalArgumentException("long-term credentials need both username and realm");
        }
    }

    public static KeySpec shortTerm(String password) {
        return new KeySpec(null, null, password, null);
    }

    public static KeySpec longTerm(String username, String realm, String password, Integer passwordAlgorithm) {
        return new KeySpec(username, realm, password, passwordAlgorithm);
    }

    public boolean isLongTerm() {
        return username != null;
    }

    /** The password algorithm used for the message: the explicit one, else the message's, else MD5. */
    public int algorithmFor(StunMessage m) {
        if (passwordAlgorithm != null) {
            return passwordAlgorithm;
        }
        return m.get(Attribute.PasswordAlgorithm.class).map(Attribute.PasswordAlgorithm::algorithm)
                .filter(a -> a == Attribute.PasswordAlgorithm.MD5 || a == Attribute.PasswordAlgorithm.SHA256)
                .orElse(Attribute.PasswordAlgorithm.MD5);
    }

    public Credentials credentials(StunMessage m, Credentials.Integrity integrity) {
        return isLongTerm()
                ? Credentials.longTerm(username, realm, password, algorithmFor(m), integrity)
                : Credentials.shortTerm(password, integrity);
    }

    /** For the report, e.g. "long-term key, MD5(username:realm:password)". */
    public String describe(StunMessage m) {
        if (!isLongTerm()) {
            return "short-term key (the password)";
        }
        return "long-term key, " + (algorithmFor(m) == Attribute.PasswordAlgorithm.SHA256 ? "SHA-256" : "MD5")
                + "(username:realm:password)";
    }

    @Override
    public String toString() {
        return "KeySpec[" + (isLongTerm() ? "long-term " + username + "@" + realm : "short-term") + ", password hidden]";
    }
}
