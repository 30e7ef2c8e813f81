package io.natprobe.report.support;

/** A vertical line of the ladder diagram, left to right. */
public enum Lane {
    HOST_A("host A"),
    NAT_A("NAT A"),
    SERVER("server"),
    NAT_B("NAT B"),
    HOST_B("host B"),
    /** Addresses that belong to none of the above (shown only when needed). */
    OTHER("elsewhere");

    private final String title;

    Lane(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Lane host(Side s) {
        return s == Side.A ? HOST_A : HOST_B;
    }

    public static Lane nat(Side s) {
        return s == Side.A ? NAT_A : NAT_B;
    }

    /** The css class and id fragment, e.g. "host-a". */
    public String cssName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
