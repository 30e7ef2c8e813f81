package io.natprobe.report.support;

/**
 * Where a remote address of a packet is, seen from the side that logged it.
 *
 * @param what  the kind of place
 * @param side  the side the place belongs to (for host and public addresses), else null
 */
public record Place(What what, Side side) {
    public enum What { SERVER, PUBLIC, LOCAL, UNKNOWN }

    public static final Place SERVER = new Place(What.SERVER, null);
    public static final Place UNKNOWN = new Place(What.UNKNOWN, null);

    /** The lane a packet to this place ends on when it arrives. */
    public Lane arrivalLane() {
        return switch (what) {
            case SERVER -> Lane.SERVER;
            case PUBLIC -> Lane.host(side);
            case LOCAL -> Lane.host(side);
            case UNKNOWN -> Lane.OTHER;
        };
    }

    /** The lane where a packet to this place is stopped when it does not arrive: the NAT in front of it. */
    public Lane dropLane() {
        return switch (what) {
            case SERVER -> Lane.SERVER;
            case PUBLIC -> Lane.nat(side);
            case LOCAL -> Lane.host(side);
            case UNKNOWN -> Lane.OTHER;
        };
    }
}
