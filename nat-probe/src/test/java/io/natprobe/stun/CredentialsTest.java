package io.natprobe.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.natprobe.stun.StunIntegrity.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    /** One Credentials (and its keyed Mac prototype) shared by threads, as the server does. */
    @Test
    void sharedCredentialsGiveTheSameAnswerOnEveryThread() throws Exception {
        Credentials shared = StunVectors.shortTerm();
        byte[] good = StunVectors.bytes(StunVectors.RFC5769_REQUEST);
        byte[] bad = good.clone();
        bad[27] = 23;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<Integer> job = () -> {
                    int wrong = 0;
                    for (int i = 0; i < 2000; i++) {
                        wrong += StunIntegrity.checkIntegrity(good, shared) == Verdict.VALID ? 0 : 1;
                        wrong += StunIntegrity.checkIntegrity(bad, shared) == Verdict.INVALID ? 0 : 1;
                    }
                    return wrong;
                };
                results.add(pool.submit(job));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyPasswordIsALegalKey() {
        Credentials empty = Credentials.shortTerm("", Credentials.Integrity.SHA256);
        byte[] wire = StunCodec.encode(StunMessage.bindingRequest(), empty, true);
        assertThat(StunIntegrity.checkIntegrity(wire, empty)).isEqualTo(Verdict.VALID);
        assertThat(StunIntegrity.checkIntegrity(wire, Credentials.shortTerm("x", Credentials.Integrity.SHA256)))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(StunVectors.shortTerm().toString()).isEqualTo("Credentials[SHA1, key=22 bytes]");
    }
}
