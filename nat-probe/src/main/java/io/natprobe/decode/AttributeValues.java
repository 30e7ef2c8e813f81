package io.natprobe.decode;

import io.natprobe.stun.Attribute;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attribute means, in two forms: one line of words for the text tree and a JSON-ready value
 * (String, Number, Boolean, Map or List) for {@code --json}. Pure functions.
 */
final class AttributeValues {
    private static final HexFormat HEX = HexFormat.of();

    private AttributeValues() {}

    /** One line for the text tree. */
    static String text(AttributeEntry e) {
        if (e.ignored()) {
            return "ignored: follows MESSAGE-INTEGRITY (RFC 8489 §14.5); bytes " + hexOrEmpty(e.value());
        }
        Attribute a = e.attribute();
        if (a instanceof Attribute.XorMappedAddress x) {
            return address(x.address()) + "  (real address, XOR-decoded: the public address the server saw)";
        }
        if (a instanceof Attribute.MappedAddress x) {
            return address(x.address()) + "  (the public address the server saw)";
        }
        if (a instanceof Attribute.OtherAddress x) {
            return address(x.address()) + "  (the server's other IP and port, for NAT tests; RFC 5780)";
        }
        if (a instanceof Attribute.ResponseOrigin x) {
            return address(x.address()) + "  (where the server sent this response from; RFC 5780)";
        }
        if (a instanceof Attribute.AlternateServer x) {
            return address(x.address()) + "  (try this server instead)";
        }
        if (a instanceof Attribute.ChangedAddress x) {
            return address(x.address()) + "  (RFC 3489: the server's other IP and port)";
        }
        if (a instanceof Attribute.SourceAddress x) {
            return address(x.address()) + "  (RFC 3489: where the server sent this response from)";
        }
        if (a instanceof Attribute.ResponseAddress x) {
            return address(x.address()) + "  (RFC 3489: send the response there instead; RFC 8489 servers refuse it)";
        }
        if (a instanceof Attribute.ReflectedFrom x) {
            return address(x.address()) + "  (RFC 3489: who asked for this response to be sent here)";
        }
        if (a instanceof Attribute.TextAttribute t) {
            return quote(t.text());
        }
        if (a instanceof Attribute.UserHash u) {
            return HEX.formatHex(u.hash()) + "  (SHA-256 of username:realm)";
        }
        if (a instanceof Attribute.MessageIntegrity m) {
            return HEX.formatHex(m.hmac()) + "  (HMAC-SHA1)";
        }
        if (a instanceof Attribute.MessageIntegritySha256 m) {
            return HEX.formatHex(m.hmac()) + "  (HMAC-SHA256, " + m.hmac().length + " bytes)";
        }
        if (a instanceof Attribute.Fingerprint f) {
            return String.format("0x%08x  (CRC-32 of the message before it, XOR 0x5354554e)", f.crc());
        }
        if (a instanceof Attribute.ErrorCode ec) {
            return ec.code() + " " + quote(ec.reason()) + "  (" + AttributeNames.errorMeaning(ec.code()) + ")";
        }
        if (a instanceof Attribute.UnknownAttributes u) {
            List<String> names = new ArrayList<>();
            for (int t : u.types()) {
                String n = AttributeNames.name(t);
                names.add(String.format("0x%04X", t) + (n.equals("unknown") ? "" : " " + n));
            }
            return (names.isEmpty() ? "(empty list)" : String.join(", ", names)) + "  (types the server did not understand)";
        }
        if (a instanceof Attribute.PasswordAlgorithm p) {
            return p.algorithmName() + params(p);
        }
        if (a instanceof Attribute.PasswordAlgorithms ps) {
            List<String> names = new ArrayList<>();
            for (var p : ps.algorithms()) names.add(p.algorithmName() + params(p));
            return (names.isEmpty() ? "(none)" : String.join(", ", names)) + "  (the algorithms the server accepts)";
        }
        if (a instanceof Attribute.ChangeRequest c) {
            if (c.changeIp() && c.changePort()) return "change IP and port: answer from the other IP address and the other port";
            if (c.changeIp()) return "change IP: answer from the other IP address (same port)";
            if (c.changePort()) return "change port: answer from the other port (same IP address)";
            return "no change: answer from the same IP address and port";
        }
        if (a instanceof Attribute.ResponsePort r) {
            return "send the response to port " + r.port() + "  (value length " + r.valueLength() + ")";
        }
        if (a instanceof Attribute.Padding p) {
            return p.length() + " bytes of padding (content ignored)";
        }
        return rawText(e);
    }

    private static String rawText(AttributeEntry e) {
        byte[] v = e.value();
        String hex = hexOrEmpty(v);
        switch (e.typeCode()) {
            case 0x0024:
                if (v.length == 4) return Integer.toUnsignedString(int32(v, 0)) + "  (ICE candidate priority)";
                break;
            case 0x8029:
            case 0x802A:
                if (v.length == 8) return "tie-breaker 0x" + hex;
                break;
            case 0x000D:
                if (v.length == 4) return Integer.toUnsignedString(int32(v, 0)) + " seconds";
                break;
            default:
                break;
        }
        return hex + "  (not interpreted)";
    }

    /** The JSON value. */
    static Object json(AttributeEntry e) {
        if (e.ignored()) {
            return HEX.formatHex(e.value());
        }
        Attribute a = e.attribute();
        if (a instanceof Attribute.AddressAttribute x) {
            return addressJson(x.address());
        }
        if (a instanceof Attribute.TextAttribute t) {
            return t.text();
        }
        if (a instanceof Attribute.Fingerprint f) {
            return String.format("%08x", f.crc());
        }
        if (a instanceof Attribute.ErrorCode ec) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", ec.code());
            m.put("reason", ec.reason());
            return m;
        }
        if (a instanceof Attribute.UnknownAttributes u) {
            List<String> types = new ArrayList<>();
            for (int t : u.types()) types.add(String.format("0x%04X", t));
            return types;
        }
        if (a instanceof Attribute.PasswordAlgorithm p) {
            return algorithmJson(p);
        }
        if (a instanceof Attribute.PasswordAlgorithms ps) {
            List<Object> list = new ArrayList<>();
            for (var p : ps.algorithms()) list.add(algorithmJson(p));
            return list;
        }
        if (a instanceof Attribute.ChangeRequest c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changeIp", c.changeIp());
            m.put("changePort", c.changePort());
            return m;
        }
        if (a instanceof Attribute.ResponsePort r) {
            return r.port();
        }
        if (a instanceof Attribute.Padding p) {
            return p.length();
        }
        // USERHASH, MESSAGE-INTEGRITY(-SHA256) and uninterpreted types: the value bytes as hex.
        return HEX.formatHex(e.value());
    }

    private static Map<String, Object> addressJson(InetSocketAddress s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", s.getAddress() instanceof Inet4Address ? "IPv4" : "IPv6");
        m.put("address", ip(s.getAddress()));
        m.put("port", s.getPort());
        return m;
    }

    private static Map<String, Object> algorithmJson(Attribute.PasswordAlgorithm p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", p.algorithmName());
        m.put("parameters", HEX.formatHex(p.parameters()));
        return m;
    }

    private static String params(Attribute.PasswordAlgorithm p) {
        return p.parameters().length == 0 ? "" : " (parameters " + HEX.formatHex(p.parameters()) + ")";
    }

    static String address(InetSocketAddress s) {
        String ip = ip(s.getAddress());
        return (s.getAddress() instanceof Inet4Address ? ip : "[" + ip + "]") + ":" + s.getPort();
    }

    /** RFC 5952 text form for IPv6 (lowercase, longest zero run as ::), dotted quad for IPv4. */
    static String ip(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return a.getHostAddress();
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        int bestStart = -1;
        int bestLen = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    /**
     * Quoted, with control and format characters escaped: one attribute stays on one line, and text
     * from the wire cannot move the cursor or flip the terminal's writing direction (C0/C1 controls,
     * ESC, U+202E and the like).
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int t = Character.getType(c);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static String hexOrEmpty(byte[] v) {
        return v.length == 0 ? "(empty)" : HEX.formatHex(v);
    }

    private static int int32(byte[] v, int at) {
        return (v[at] & 0xFF) << 24 | (v[at + 1] & 0xFF) << 16 | (v[at + 2] & 0xFF) << 8 | (v[at + 3] & 0xFF);
    }
}
