package io.natprobe.decode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a support engineer pastes into bytes. Accepted forms:
 * <ul>
 *   <li>plain hex ({@code 000100582112a442...}), also split by spaces, tabs, newlines, colons, dashes or
 *       commas, with or without {@code 0x} prefixes ({@code 0x00, 0x01} or {@code 0x00010058});</li>
 *   <li>{@code xxd} output ({@code 00000000: 0001 0058 2112 a442 ...  .....!..B}) and Wireshark's
 *       "Copy as Hex Dump" / {@code tshark -x} ({@code 0000   00 01 00 58 ...   ...X}): every line starts
 *       with an offset column, and the ASCII column at the end is dropped.</li>
 * </ul>
 * A dump is recognised when every non-empty line starts with an offset followed by {@code ':'} or by
 * two or more spaces, and the offsets count up by the bytes of the lines before. Pure: no I/O.
 */
public final class HexInput {
    /** Longer input cannot be one datagram (STUN messages are at most 20 + 65535 bytes). */
    public static final int MAX_CHARS = 1 << 20;

    private static final int DEFAULT_ROW = 16;
    private static final Pattern OFFSET = Pattern.compile("^\\s*([0-9A-Fa-f]{4,8})(:\\s*|\\s{2,})");

    private HexInput() {}

    public static byte[] parse(String text) throws HexInputException {
        if (text.length() > MAX_CHARS) {
            throw new HexInputException("input is " + text.length() + " characters (expected: at most " + MAX_CHARS
                    + "; a STUN message is at most 65555 bytes)");
        }
        String[] lines = text.split("\\r?\\n|\\r", -1);
        byte[] dump = tryDump(lines);
        byte[] out = dump != null ? dump : plain(lines);
        if (out.length == 0) {
            throw new HexInputException("no hex digits in the input (expected: the message bytes as hex, e.g. 0001 0000 2112a442 ...)");
        }
        return out;
    }

    /** Plain hex with separators. Errors name the character and its line and column (1-based). */
    private static byte[] plain(String[] lines) throws HexInputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pending = -1; // high nibble waiting for its low nibble
        int pendingLine = 0;
        int pendingCol = 0;
        for (int ln = 0; ln < lines.length; ln++) {
            String s = lines[ln];
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (isSeparator(ch)) {
                    continue;
                }
                // "0x" prefix: a 0 followed by x/X at the start of a token, and not in the middle of a byte.
                if (ch == '0' && pending < 0 && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                        && (i == 0 || isSeparator(s.charAt(i - 1)))) {
                    i++;
                    continue;
                }
                int v = Character.digit(ch, 16);
                if (v < 0 || ch > 'f') {
                    throw new HexInputException("not a hex digit: " + describe(ch) + " at line " + (ln + 1) + ", column "
                            + (i + 1) + " (expected: 0-9, a-f, spaces, colons, or an xxd/Wireshark hex dump)");
                }
                if (pending < 0) {
                    pending = v;
                    pendingLine = ln + 1;
                    pendingCol = i + 1;
                } else {
                    out.write(pending << 4 | v);
                    pending = -1;
                }
            }
        }
        if (pending >= 0) {
            throw new HexInputException("odd number of hex digits: the digit at line " + pendingLine + ", column "
                    + pendingCol + " has no partner (expected: two digits per byte)");
        }
        return out.toByteArray();
    }

    /** The bytes of an xxd / Wireshark dump, or null when the text is not in dump form. */
    private static byte[] tryDump(String[] lines) throws HexInputException {
        List<Integer> index = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<Integer> dataStart = new ArrayList<>();
        for (int ln = 0; ln < lines.length; ln++) {
            if (lines[ln].isBlank()) {
                continue;
            }
            Matcher m = OFFSET.matcher(lines[ln]);
            if (!m.find()) {
                return null;
            }
            index.add(ln);
            offsets.add(Long.parseLong(m.group(1), 16));
            dataStart.add(m.end());
        }
        if (index.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long base = offsets.get(0);
        // A dump of a selection (Wireshark) may start past 0, but then a second line must confirm the
        // offsets; otherwise "0001  0058 ..." is just hex with wide spaces.
        if (base != 0 && index.size() < 2) {
            return null;
        }
        for (int k = 0; k < index.size(); k++) {
            int ln = index.get(k);
            if (offsets.get(k) != base + out.size()) {
                if (k == 0 || out.size() == 0 || (k == 1 && base != 0)) {
                    return null;
                }
                throw new HexInputException(String.format("hex dump line %d starts at offset 0x%X but the lines before"
                        + " hold %d bytes (expected offset 0x%X): is a line missing?", ln + 1, offsets.get(k),
                        out.size(), base + out.size()));
            }
            String data = lines[ln].substring(dataStart.get(k)).replaceAll("\\s+$", "");
            int expected = k + 1 < index.size() ? (int) Math.min(Integer.MAX_VALUE, offsets.get(k + 1) - offsets.get(k)) : -1;
            // The last row holds at most as many bytes as the rows before it (16 for xxd and Wireshark).
            int width = k > 0 ? (int) Math.min(Integer.MAX_VALUE, offsets.get(k) - offsets.get(k - 1)) : -1;
            byte[] row = dumpRow(data, expected, width);
            if (row == null && expected >= 0) {
                // The row may be fine and the next offset wrong (a line lost in copying): then the
                // next round reports the offset, which is the clearer message.
                row = dumpRow(data, -1, -1);
            }
            if (row == null) {
                if (k == 0) {
                    return null; // not a dump after all: let the plain parser report the problem
                }
                throw new HexInputException("hex dump line " + (ln + 1) + " does not hold "
                        + (expected >= 0 ? expected + " bytes" : "hex bytes") + " after its offset: \"" + shorten(lines[ln]) + "\"");
            }
            out.writeBytes(row);
        }
        return out.toByteArray();
    }

    /**
     * One dump row after its offset: hex groups, then optionally two or more spaces and the ASCII
     * column (as many characters as the row has bytes, fewer when trailing spaces were trimmed).
     * {@code expected} is the byte count from the next line's offset, or -1 on the last line;
     * {@code width} the byte count of the row before, or -1 on the first.
     */
    private static byte[] dumpRow(String data, int expected, int width) {
        List<int[]> tokens = new ArrayList<>(); // start, end of each whitespace-separated token
        int i = 0;
        while (i < data.length()) {
            while (i < data.length() && Character.isWhitespace(data.charAt(i))) i++;
            int start = i;
            while (i < data.length() && !Character.isWhitespace(data.charAt(i))) i++;
            if (i > start) tokens.add(new int[] {start, i});
        }
        int best = 0;
        int hexTokens = 0;
        int bytes = 0;
        int[] bytesAfter = new int[tokens.size() + 1];
        for (int[] t : tokens) {
            if (!isHexToken(data, t[0], t[1])) break;
            hexTokens++;
            bytes += (t[1] - t[0]) / 2;
            bytesAfter[hexTokens] = bytes;
        }
        // Prefer the longest hex prefix followed by a plausible ASCII column (exact length, then one
        // whose trailing spaces were trimmed by the clipboard), and only then a row without one. The
        // ASCII column is set off by a wider gap than any gap between the hex groups before it.
        // First choice: the ASCII column shows exactly the candidate bytes (xxd, Wireshark and hexdump -C
        // all print 0x20-0x7E as themselves and everything else as '.'), which settles ambiguous rows.
        for (int k = hexTokens; k >= 1; k--) {
            int n = bytesAfter[k];
            if ((expected >= 0 && n != expected) || (width > 0 && n > width)) continue;
            String rest = data.substring(tokens.get(k - 1)[1]);
            if (!rest.isEmpty() && rest.length() - rest.stripLeading().length() >= 2
                    && asciiOf(data, tokens.subList(0, k)).strip().equals(rest.strip())) {
                return hexBytes(data, tokens.subList(0, k));
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            int widestInnerGap = 0;
            for (int k = 1; k <= hexTokens; k++) {
                if (k > 1) {
                    widestInnerGap = Math.max(widestInnerGap, tokens.get(k - 1)[0] - tokens.get(k - 2)[1]);
                }
                int n = bytesAfter[k];
                if (expected >= 0 && n != expected) continue;
                // Without a row width to go by, a trimmed or absent ASCII column is only trusted up to
                // the usual 16 bytes; an exact-length one may be wider (xxd -c 32).
                int cap = width > 0 ? width : pass == 0 ? Integer.MAX_VALUE : DEFAULT_ROW;
                if (n > cap) continue;
                int end = tokens.get(k - 1)[1];
                String rest = data.substring(end);
                int gap = rest.length() - rest.stripLeading().length();
                int ascii = rest.length() - gap;
                boolean asciiGap = gap >= 2 && gap > widestInnerGap;
                boolean ok = switch (pass) {
                    case 0 -> asciiGap && ascii == n;                 // exact ASCII column
                    case 1 -> asciiGap && ascii > 0 && ascii < n;     // ASCII column with trailing spaces trimmed
                    default -> rest.isEmpty() && k == tokens.size();  // no ASCII column
                };
                if (ok) {
                    best = k;
                }
            }
            if (best > 0) {
                return hexBytes(data, tokens.subList(0, best));
            }
        }
        return null;
    }

    private static String asciiOf(String s, List<int[]> tokens) {
        StringBuilder sb = new StringBuilder();
        for (byte b : hexBytes(s, tokens)) {
            int c = b & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.toString();
    }

    private static boolean isHexToken(String s, int from, int to) {
        if ((to - from) % 2 != 0) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c > 'f' || Character.digit(c, 16) < 0) return false;
        }
        return true;
    }

    private static byte[] hexBytes(String s, List<int[]> tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] t : tokens) {
            for (int i = t[0]; i < t[1]; i += 2) {
                out.write(Character.digit(s.charAt(i), 16) << 4 | Character.digit(s.charAt(i + 1), 16));
            }
        }
        return out.toByteArray();
    }

    private static boolean isSeparator(char ch) {
        return Character.isWhitespace(ch) || ch == ':' || ch == '-' || ch == ',' || ch == '\uFEFF';
    }

    private static String describe(char ch) {
        if (ch >= 0x21 && ch < 0x7F) {
            return "'" + ch + "'";
        }
        return String.format("U+%04X", (int) ch);
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
