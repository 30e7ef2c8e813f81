package io.natprobe.server;

/**
 * One of the four sockets of an RFC 5780 server: primary or alternate IP address x primary or
 * alternate port. The first letter is the address, the second the port ({@code AP} = alternate
 * address, primary port).
 */
public enum SocketRole {
    PP(false, false), PA(false, true), AP(true, false), AA(true, true);

    private final boolean alternateAddress;
    private final boolean alternatePort;

    SocketRole(boolean alternateAddress, boolean alternatePort) {
        this.alternateAddress = alternateAddress;
        this.alternatePort = alternatePort;
    }

    public boolean alternateAddress() {
        return alternateAddress;
    }

    public boolean alternatePort() {
        return alternatePort;
    }

    public static SocketRole of(boolean alternateAddress, boolean alternatePort) {
        return alternateAddress ? (alternatePort ? AA : AP) : (alternatePort ? PA : PP);
    }

    /** RFC 5780 §7.2: CHANGE-REQUEST flips the address and/or the port of the role the request arrived on. */
    public SocketRole change(boolean changeAddress, boolean changePort) {
        return of(alternateAddress ^ changeAddress, alternatePort ^ changePort);
    }

    /** RFC 5780 §7.4: OTHER-ADDRESS is the socket that differs in both address and port. */
    public SocketRole other() {
        return change(true, true);
    }
}
