package io.natprobe.stun;

import io.natprobe.stun.Attribute.AddressAttribute;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes and decodes attribute values (RFC 8489 §14, RFC 5780 §7, RFC 3489 §11.2). No I/O. */
final class AttributeCodec {
    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;

    // RFC 8489 §14.3/14.9/14.10/14.16: limits on text values, in bytes.
    private static final int MAX_USERNAME = 512;
    private static final int MAX_TEXT = 763;
    private static final int MAX_REASON = 763;

    private AttributeCodec() {}

    /**
     * Decodes one attribute value at {@code d[at..at+len)}. {@code msgOff} is where the message starts
     * in {@code d}: XOR-MAPPED-ADDRESS is obfuscated with the 16 header bytes after its length field
     * (magic cookie and transaction id). {@code attrOffset} is only used in error messages.
     */
    static Attribute decode(AttributeType type, byte[] d, int at, int len, int attrOffset, int msgOff)
            throws StunParseException {
        String name = AttributeType.knownName(type.code()); // null only for types handled by "default"
        switch (type.code()) {
            case 0x0001: return new Attribute.MappedAddress(address(name, d, at, len, attrOffset, null, 0));
            case 0x0020: return new Attribute.XorMappedAddress(address(name, d, at, len, attrOffset, d, msgOff + 4));
            case 0x8023: return new Attribute.AlternateServer(address(name, d, at, len, attrOffset, null, 0));
            case 0x802B: return new Attribute.ResponseOrigin(address(name, d, at, len, attrOffset, null, 0));
            case 0x802C: return new Attribute.OtherAddress(address(name, d, at, len, attrOffset, null, 0));
            case 0x0005: return new Attribute.ChangedAddress(address(name, d, at, len, attrOffset, null, 0));
            case 0x0004: return new Attribute.SourceAddress(address(name, d, at, len, attrOffset, null, 0));
            case 0x0002: return new Attribute.ResponseAddress(address(name, d, at, len, attrOffset, null, 0));
            case 0x000B: return new Attribute.ReflectedFrom(address(name, d, at, len, attrOffset, null, 0));
            case 0x0006: return new Attribute.Username(text(name, d, at, len, attrOffset, MAX_USERNAME));
            case 0x0014: return new Attribute.Realm(text(name, d, at, len, attrOffset, MAX_TEXT));
            case 0x0015: return new Attribute.Nonce(text(name, d, at, len, attrOffset, MAX_TEXT));
            case 0x8022: return new Attribute.Software(text(name, d, at, len, attrOffset, MAX_TEXT));
            case 0x001E:
                exact(name, len, 32, attrOffset);
                return new Attribute.UserHash(slice(d, at, len));
            case 0x0008:
                exact(name, len, 20, attrOffset);
                return new Attribute.MessageIntegrity(slice(d, at, len));
            case 0x001C:
                if (len < 16 || len > 32 || len % 4 != 0) {
                    throw new StunParseException(name, attrOffset,
                            "value is " + len + " bytes (expected: 16 to 32, a multiple of 4)");
                }
                return new Attribute.MessageIntegritySha256(slice(d, at, len));
            case 0x8028:
                exact(name, len, 4, attrOffset);
                return new Attribute.Fingerprint(int32(d, at));
            case 0x0009: return errorCode(d, at, len, attrOffset);
            case 0x000A: {
                if (len % 2 != 0) {
                    throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: a multiple of 2)");
                }
                List<Integer> types = new ArrayList<>(len / 2);
                for (int i = 0; i < len; i += 2) {
                    types.add(uint16(d, at + i));
                }
                return new Attribute.UnknownAttributes(types);
            }
            case 0x001D: {
                if (len < 4) {
                    throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: 4+ bytes)");
                }
                int plen = uint16(d, at + 2);
                if (4 + plen > len) {
                    throw new StunParseException(name, attrOffset,
                            "parameters length " + plen + " overruns the value of " + len + " bytes");
                }
                return new Attribute.PasswordAlgorithm(uint16(d, at), slice(d, at + 4, plen));
            }
            case 0x8002: {
                List<Attribute.PasswordAlgorithm> algs = new ArrayList<>();
                int p = 0;
                while (p < len) {
                    if (len - p < 4) {
                        throw new StunParseException(name, attrOffset, "truncated algorithm entry at value byte " + p
                                + ": " + (len - p) + " bytes left (expected: 4+ bytes)");
                    }
                    int plen = uint16(d, at + p + 2);
                    int padded = (plen + 3) & ~3;
                    if (p + 4 + padded > len) {
                        throw new StunParseException(name, attrOffset, "parameters length " + plen
                                + " at value byte " + p + " overruns the value of " + len + " bytes");
                    }
                    algs.add(new Attribute.PasswordAlgorithm(uint16(d, at + p), slice(d, at + p + 4, plen)));
                    p += 4 + padded;
                }
                return new Attribute.PasswordAlgorithms(algs);
            }
            case 0x0003: {
                exact(name, len, 4, attrOffset);
                int flags = int32(d, at);
                return new Attribute.ChangeRequest((flags & 0x4) != 0, (flags & 0x2) != 0);
            }
            case 0x0027:
                if (len != 2 && len != 4) {
                    throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: 2 or 4)");
                }
                return new Attribute.ResponsePort(uint16(d, at), len);
            case 0x0026: return new Attribute.Padding(len);
            default: return new Attribute.Raw(type, slice(d, at, len));
        }
    }

    /** Value length of the attribute when encoded (without the 4-byte header and padding). */
    static int valueLength(Attribute a) {
        if (a instanceof AddressAttribute aa) {
            return aa.address().getAddress() instanceof Inet6Address ? 20 : 8;
        }
        if (a instanceof Attribute.TextAttribute t) {
            int n = utf8(t.text()).length;
            int max = a instanceof Attribute.Username ? MAX_USERNAME : MAX_TEXT;
            if (n > max) {
                // Refused here so that everything we send is something we (and RFC 8489 peers) accept.
                throw new IllegalArgumentException(a.type().name() + " is " + n + " bytes (expected: at most " + max + ")");
            }
            return n;
        }
        if (a instanceof Attribute.UserHash) return 32;
        if (a instanceof Attribute.MessageIntegrity) return 20;
        if (a instanceof Attribute.MessageIntegritySha256 m) return m.hmac().length;
        if (a instanceof Attribute.Fingerprint) return 4;
        if (a instanceof Attribute.ErrorCode e) {
            int n = utf8(e.reason()).length;
            if (n > MAX_REASON) {
                throw new IllegalArgumentException("ERROR-CODE reason is " + n + " bytes (expected: at most " + MAX_REASON + ")");
            }
            return 4 + n;
        }
        if (a instanceof Attribute.UnknownAttributes u) return 2 * u.types().size();
        if (a instanceof Attribute.PasswordAlgorithm p) return 4 + p.parameters().length;
        if (a instanceof Attribute.PasswordAlgorithms ps) {
            int n = 0;
            for (var p : ps.algorithms()) n += 4 + ((p.parameters().length + 3) & ~3);
            return n;
        }
        if (a instanceof Attribute.ChangeRequest) return 4;
        if (a instanceof Attribute.ResponsePort r) return r.valueLength();
        if (a instanceof Attribute.Padding p) return p.length();
        if (a instanceof Attribute.Raw r) return r.length();
        throw new IllegalStateException("unhandled attribute " + a);
    }

    /** Writes the value at {@code at} (the buffer is zeroed, so padding stays zero). */
    static void encodeValue(Attribute a, byte[] out, int at) {
        if (a instanceof Attribute.XorMappedAddress x) {
            writeAddress(x.address(), out, at, out, 4);
        } else if (a instanceof AddressAttribute aa) {
            writeAddress(aa.address(), out, at, null, 0);
        } else if (a instanceof Attribute.TextAttribute t) {
            byte[] b = utf8(t.text());
            System.arraycopy(b, 0, out, at, b.length);
        } else if (a instanceof Attribute.UserHash u) {
            System.arraycopy(u.hash(), 0, out, at, 32);
        } else if (a instanceof Attribute.MessageIntegrity m) {
            System.arraycopy(m.hmac(), 0, out, at, 20);
        } else if (a instanceof Attribute.MessageIntegritySha256 m) {
            byte[] h = m.hmac();
            System.arraycopy(h, 0, out, at, h.length);
        } else if (a instanceof Attribute.Fingerprint f) {
            putInt32(out, at, f.crc());
        } else if (a instanceof Attribute.ErrorCode e) {
            out[at + 2] = (byte) (e.code() / 100);
            out[at + 3] = (byte) (e.code() % 100);
            byte[] b = utf8(e.reason());
            System.arraycopy(b, 0, out, at + 4, b.length);
        } else if (a instanceof Attribute.UnknownAttributes u) {
            int p = at;
            for (int t : u.types()) {
                putUint16(out, p, t);
                p += 2;
            }
        } else if (a instanceof Attribute.PasswordAlgorithm p) {
            writeAlgorithm(p, out, at);
        } else if (a instanceof Attribute.PasswordAlgorithms ps) {
            int p = at;
            for (var alg : ps.algorithms()) {
                p += writeAlgorithm(alg, out, p);
            }
        } else if (a instanceof Attribute.ChangeRequest c) {
            out[at + 3] = (byte) ((c.changeIp() ? 0x4 : 0) | (c.changePort() ? 0x2 : 0));
        } else if (a instanceof Attribute.ResponsePort r) {
            putUint16(out, at, r.port());
        } else if (a instanceof Attribute.Padding) {
            // zero bytes: RFC 5780 §7.6 leaves the content unspecified; we never leak memory into it.
        } else if (a instanceof Attribute.Raw r) {
            byte[] v = r.value();
            System.arraycopy(v, 0, out, at, v.length);
        } else {
            throw new IllegalStateException("unhandled attribute " + a);
        }
    }

    private static int writeAlgorithm(Attribute.PasswordAlgorithm p, byte[] out, int at) {
        byte[] params = p.parameters();
        putUint16(out, at, p.algorithm());
        putUint16(out, at + 2, params.length);
        System.arraycopy(params, 0, out, at + 4, params.length);
        return 4 + ((params.length + 3) & ~3);
    }

    static InetSocketAddress address(String name, byte[] d, int at, int len, int attrOffset,
                                             byte[] xorKey, int xorAt) throws StunParseException {
        if (len < 4) {
            throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: 8 or 20)");
        }
        int family = d[at + 1] & 0xFF;
        int expected;
        if (family == FAMILY_IPV4) {
            expected = 8;
        } else if (family == FAMILY_IPV6) {
            expected = 20;
        } else {
            throw new StunParseException(name, attrOffset,
                    String.format("unknown address family 0x%02X (expected: 0x01 IPv4 or 0x02 IPv6)", family));
        }
        if (len != expected) {
            throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: " + expected
                    + " for " + (family == FAMILY_IPV4 ? "IPv4" : "IPv6") + ")");
        }
        int port = uint16(d, at + 2);
        byte[] ip = new byte[expected - 4];
        System.arraycopy(d, at + 4, ip, 0, ip.length);
        if (xorKey != null) {
            port ^= 0x2112;
            for (int i = 0; i < ip.length; i++) {
                ip[i] ^= xorKey[xorAt + i];
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }

    static void writeAddress(InetSocketAddress addr, byte[] out, int at, byte[] xorKey, int xorAt) {
        InetAddress ip = addr.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address: " + addr);
        }
        byte[] raw = ip.getAddress();
        out[at + 1] = (byte) (ip instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6);
        int port = addr.getPort();
        if (xorKey != null) {
            port ^= 0x2112;
            for (int i = 0; i < raw.length; i++) {
                raw[i] ^= xorKey[xorAt + i];
            }
        }
        putUint16(out, at + 2, port);
        System.arraycopy(raw, 0, out, at + 4, raw.length);
    }

    private static Attribute.ErrorCode errorCode(byte[] d, int at, int len, int attrOffset) throws StunParseException {
        if (len < 4) {
            throw new StunParseException("ERROR-CODE", attrOffset, "value is " + len + " bytes (expected: 4+ bytes)");
        }
        if (len - 4 > MAX_REASON) {
            throw new StunParseException("ERROR-CODE", attrOffset,
                    "reason phrase is " + (len - 4) + " bytes (expected: at most " + MAX_REASON + ")");
        }
        int cls = d[at + 2] & 0x07;
        int number = d[at + 3] & 0xFF;
        if (cls < 3 || cls > 6 || number > 99) {
            throw new StunParseException("ERROR-CODE", attrOffset,
                    "class " + cls + " number " + number + " (expected: class 3..6, number 0..99)");
        }
        checkUtf8("ERROR-CODE", d, at + 4, len - 4, attrOffset);
        return new Attribute.ErrorCode(cls * 100 + number, new String(d, at + 4, len - 4, StandardCharsets.UTF_8));
    }

    private static String text(String name, byte[] d, int at, int len, int attrOffset, int max)
            throws StunParseException {
        if (len > max) {
            throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: at most " + max + ")");
        }
        checkUtf8(name, d, at, len, attrOffset);
        return new String(d, at, len, StandardCharsets.UTF_8);
    }

    /**
     * RFC 8489 §14.3/14.8/14.9/14.10/14.14: text values MUST be UTF-8. Refusing malformed sequences
     * (instead of replacing them with U+FFFD) keeps decode -> encode -> decode exact. No allocation.
     */
    private static void checkUtf8(String name, byte[] d, int at, int len, int attrOffset) throws StunParseException {
        int i = 0;
        while (i < len) {
            int b = d[at + i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1; min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 2; min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 3; min = 0x10000;
            } else {
                throw badUtf8(name, attrOffset, i, b);
            }
            if (i + n >= len) { // sequence cut off by the end of the value
                throw badUtf8(name, attrOffset, i, b);
            }
            int cp = b & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int c = d[at + i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    throw badUtf8(name, attrOffset, i, b);
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw badUtf8(name, attrOffset, i, b);
            }
            i += n + 1;
        }
    }

    private static StunParseException badUtf8(String name, int attrOffset, int i, int b) {
        return new StunParseException(name, attrOffset,
                String.format("value is not valid UTF-8 (byte 0x%02X at value byte %d)", b, i));
    }

    private static void exact(String name, int len, int expected, int attrOffset) throws StunParseException {
        if (len != expected) {
            throw new StunParseException(name, attrOffset, "value is " + len + " bytes (expected: " + expected + ")");
        }
    }

    private static byte[] slice(byte[] d, int at, int len) {
        byte[] b = new byte[len];
        System.arraycopy(d, at, b, 0, len);
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static int uint16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    static int int32(byte[] d, int at) {
        return ((d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8) | (d[at + 3] & 0xFF);
    }

    static void putUint16(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 8);
        d[at + 1] = (byte) v;
    }

    static void putInt32(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 24);
        d[at + 1] = (byte) (v >>> 16);
        d[at + 2] = (byte) (v >>> 8);
        d[at + 3] = (byte) v;
    }
}
