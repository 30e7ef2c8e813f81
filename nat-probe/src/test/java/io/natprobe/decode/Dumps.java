package io.natprobe.decode;

/** Writes bytes the way xxd and Wireshark's "Copy as Hex Dump" do, for round-trip tests. */
final class Dumps {
    private Dumps() {}

    static String xxd(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < b.length; off += 16) {
            sb.append(String.format("%08x:", off));
            for (int i = 0; i < 16; i++) {
                if (i % 2 == 0) sb.append(' ');
                sb.append(off + i < b.length ? String.format("%02x", b[off + i]) : "  ");
            }
            sb.append("  ").append(ascii(b, off)).append('\n');
        }
        return sb.toString();
    }

    static String wireshark(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < b.length; off += 16) {
            sb.append(String.format("%04x  ", off));
            for (int i = 0; i < 16; i++) {
                sb.append(off + i < b.length ? String.format(" %02x", b[off + i]) : "   ");
            }
            sb.append("   ").append(ascii(b, off)).append('\n');
        }
        return sb.toString();
    }

    private static String ascii(byte[] b, int off) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < Math.min(b.length, off + 16); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.toString();
    }
}
