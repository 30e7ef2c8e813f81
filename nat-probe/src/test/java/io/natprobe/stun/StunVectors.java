package io.natprobe.stun;

import java.util.HexFormat;

/**
 * Golden STUN messages, verbatim from their sources (see /work/shared/vectors/rfc5769.md for how the
 * bytes were cross-checked). Shared by the codec tests, the fuzz seed corpus, the decode command
 * tests and the benchmarks (this class ships in nat-probe's test-jar).
 */
public final class StunVectors {
    /** RFC 5769 §2.1-2.3 short-term password. */
    public static final String SHORT_TERM_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";
    /** RFC 5769 §2.4 and RFC 8489 B.1 long-term credentials (password after SASLprep). */
    public static final String LONG_TERM_USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
    public static final String LONG_TERM_REALM = "example.org";
    public static final String LONG_TERM_PASSWORD = "TheMatrIX";
    public static final String LONG_TERM_NONCE = "f//499k954d6OL34oL9FSTvy64sA";

    /** RFC 5769 §2.1 Sample Request (short-term credential), 108 bytes. */
    public static final String RFC5769_REQUEST =
            "000100582112a442b7e7a701bc34d686fa87dfae802200105354554e20746573"
            + "7420636c69656e74002400046e0001ff80290008932ff9b151263b3600060009"
            + "6576746a3a68367659202020000800149aeaa70cbfd8cb56781ef2b5b2d3f249"
            + "c1b571a280280004e57a3bcf";
    /** RFC 5769 §2.2 Sample IPv4 Response, 80 bytes. */
    public static final String RFC5769_IPV4_RESPONSE =
            "0101003c2112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563"
            + "746f7220002000080001a147e112a643000800142b91f599fd9e90c38c7489f9"
            + "2af9ba53f06be7d780280004c07d4c96";
    /** RFC 5769 §2.3 Sample IPv6 Response, 92 bytes. */
    public static final String RFC5769_IPV6_RESPONSE =
            "010100482112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563"
            + "746f7220002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d900080014"
            + "a382954e4be67bf11784c97c8292c275bfe3ed4180280004c8fb0b4c";
    /** RFC 5769 §2.4 Sample Request with Long-Term Authentication, 116 bytes. */
    public static final String RFC5769_LONG_TERM_REQUEST =
            "000100602112a44278ad3433c6ad72c029da412e00060012e3839ee38388e383"
            + "aae38383e382afe382b900000015001c662f2f3439396b39353464364f4c3334"
            + "6f4c394653547679363473410014000b6578616d706c652e6f72670000080014"
            + "f67024656dd64a3e02b8e0712e85c9a28ca89666";
    /** RFC 8489 Appendix B.1 with Errata 6268: USERHASH, SHA-256 password, MESSAGE-INTEGRITY-SHA256; 164 bytes. */
    public static final String RFC8489_B1_SHA256_REQUEST =
            "000100902112a44278ad3433c6ad72c029da412e001e00204a3cf38fef6992bd"
            + "a952c6780417da0f24819415569e60b205c46e41407f170400150029"
            + "6f624d61744a6f733241414143662f2f3439396b39353464364f4c33346f4c39"
            + "4653547679363473410000000014000b6578616d706c652e6f726700001d0004"
            + "00020000001c0020b5c7bf005b6c52a21c51c5e892f81924136296cb927c4314"
            + "9309278cc6518e65";
    public static final String RFC8489_B1_NONCE = "obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA";

    private StunVectors() {}

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static Credentials shortTerm() {
        return Credentials.shortTerm(SHORT_TERM_PASSWORD, Credentials.Integrity.SHA1);
    }

    public static Credentials longTermMd5() {
        return Credentials.longTerm(LONG_TERM_USERNAME, LONG_TERM_REALM, LONG_TERM_PASSWORD,
                Attribute.PasswordAlgorithm.MD5, Credentials.Integrity.SHA1);
    }

    public static Credentials longTermSha256() {
        return Credentials.longTerm(LONG_TERM_USERNAME, LONG_TERM_REALM, LONG_TERM_PASSWORD,
                Attribute.PasswordAlgorithm.SHA256, Credentials.Integrity.SHA256);
    }
}
