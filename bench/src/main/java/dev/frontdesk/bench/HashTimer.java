package dev.frontdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Times one Argon2id verification with Frontdesk's default parameters (m=19456 KiB, t=2, p=1, the
 * encoder the server uses), single-threaded after warm-up, then the throughput of one verification per
 * core in parallel. Started by the harness as its own JVM with the server's JVM flags. Prints one line:
 * {@code HASH single_ms=<mean> parallel_per_s=<rate> threads=<n>}.
 */
public final class HashTimer {
    private HashTimer() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int threads = Runtime.getRuntime().availableProcessors();
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        String password = "Bench-Passw0rd-" + System.nanoTime();
        String hash = encoder.encode(password);
        for (int i = 0; i < warmup; i++) {
            check(encoder.matches(password, hash));
        }
        long start = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            check(encoder.matches(password, hash));
        }
        double singleMs = (System.nanoTime() - start) / 1e6 / timed;

        int perThread = Math.max(4, timed / threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> check(encoder.matches(password, hash))));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            List<Future<?>> runs = new ArrayList<>();
            long pstart = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        check(encoder.matches(password, hash));
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            double seconds = (System.nanoTime() - pstart) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "HASH single_ms=%.3f parallel_per_s=%.2f threads=%d%n",
                    singleMs, threads * perThread / seconds, threads);
        }
    }

    private static void check(boolean matched) {
        if (!matched) {
            throw new IllegalStateException("Argon2 verification failed");
        }
    }
}
