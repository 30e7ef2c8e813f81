package io.natprobe.stun.bench;

import io.natprobe.stun.Attribute;
import io.natprobe.stun.Credentials;
import io.natprobe.stun.MessageType;
import io.natprobe.stun.StunCodec;
import io.natprobe.stun.StunIntegrity;
import io.natprobe.stun.StunMessage;
import io.natprobe.stun.StunParseException;
import io.natprobe.stun.TransactionId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The probe server's hot path: decode a Binding success response (XOR-MAPPED-ADDRESS + FINGERPRINT,
 * 32 bytes) and encode one with FINGERPRINT. Run with bench/codec-jmh.sh; results in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StunCodecBenchmark {
    private StunMessage response;
    private byte[] wire;
    private byte[] protectedWire;
    private final Credentials credentials = Credentials.shortTerm("VOkJxbRl1RmTxUk/WvJxBt", Credentials.Integrity.SHA1);

    @Setup
    public void setUp() throws UnknownHostException {
        response = new StunMessage(MessageType.BINDING_SUCCESS, TransactionId.fromHex("b7e7a701bc34d686fa87dfae"),
                List.of(new Attribute.XorMappedAddress(new InetSocketAddress(
                        InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 7}), 40001))));
        wire = StunCodec.encodeWithFingerprint(response);
        protectedWire = StunCodec.encode(response, credentials, true);
    }

    @Benchmark
    public StunMessage decodeBindingSuccess() throws StunParseException {
        return StunCodec.decode(wire);
    }

    @Benchmark
    public byte[] encodeBindingSuccessWithFingerprint() {
        return StunCodec.encodeWithFingerprint(response);
    }

    /** For context: a response with MESSAGE-INTEGRITY (short-term, HMAC-SHA1) and FINGERPRINT. */
    @Benchmark
    public byte[] encodeWithIntegrityAndFingerprint() {
        return StunCodec.encode(response, credentials, true);
    }

    /** For context: verifying that MESSAGE-INTEGRITY. */
    @Benchmark
    public StunIntegrity.Verdict checkIntegrity() {
        return StunIntegrity.checkIntegrity(protectedWire, credentials);
    }

    /** For context: what a client does on receipt (decode, then check FINGERPRINT). */
    @Benchmark
    public StunIntegrity.Verdict decodeAndCheckFingerprint() throws StunParseException {
        StunCodec.decode(wire);
        return StunIntegrity.checkFingerprint(wire);
    }
}
