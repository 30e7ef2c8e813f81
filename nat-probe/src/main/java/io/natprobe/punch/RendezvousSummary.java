package io.natprobe.punch;

import io.natprobe.rendezvous.RendezvousMessage;

/** Short packet-log text for rendezvous messages, e.g. "SEND ask", "DELIVER attempt from A". */
final class RendezvousSummary {
    private RendezvousSummary() {}

    static String summary(RendezvousMessage m) {
        String name = m.getClass().getSimpleName();
        if (m instanceof RendezvousMessage.SendRequest s) {
            try {
                ControlMessage c = ControlCodec.decode(s.control());
                return "SEND " + c.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "SEND";
            }
        }
        if (m instanceof RendezvousMessage.Deliver d) {
            try {
                ControlMessage c = ControlCodec.decode(d.control());
                return "DELIVER " + c.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " from " + d.from();
            } catch (IllegalArgumentException e) {
                return "DELIVER from " + d.from();
            }
        }
        if (m instanceof RendezvousMessage.ErrorResponse e) {
            return "error " + e.code() + " " + e.reason();
        }
        return name.replace("Request", " request").replace("Response", " response").replace("PeerUpdate", "peer update")
                .toUpperCase(java.util.Locale.ROOT).replace(" REQUEST", " request").replace(" RESPONSE", " response")
                .replace("PEER UPDATE", "REGISTER indication (peer update)");
    }

}
