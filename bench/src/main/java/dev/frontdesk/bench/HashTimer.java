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
        pooled(encoder, password, hash, warmup, timed, threads, perThread);
    }

    /** The same verification through {@link PooledArgon2} (the recommended change), and bytes allocated per hash. */
    private static void pooled(Argon2PasswordEncoder encoder, String password, String hash, int warmup, int timed,
                               int threads, int perThread) throws Exception {
        String[] parts = hash.split("\\$");
        java.util.Base64.Decoder b64 = java.util.Base64.getDecoder();
        byte[] salt = b64.decode(parts[4]);
        byte[] expected = b64.decode(parts[5]);
        PooledArgon2 pooled = new PooledArgon2(19456, 2, 1, threads);
        char[] pw = password.toCharArray();
        for (int i = 0; i < warmup; i++) {
            check(java.util.Arrays.equals(expected, pooled.hash(pw, salt, expected.length)));
        }
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long a0 = mx.getCurrentThreadAllocatedBytes();
        check(encoder.matches(password, hash));
        long springBytes = mx.getCurrentThreadAllocatedBytes() - a0;
        a0 = mx.getCurrentThreadAllocatedBytes();
        check(java.util.Arrays.equals(expected, pooled.hash(pw, salt, expected.length)));
        long pooledBytes = mx.getCurrentThreadAllocatedBytes() - a0;
        long start = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            check(java.util.Arrays.equals(expected, pooled.hash(pw, salt, expected.length)));
        }
        double singleMs = (System.nanoTime() - start) / 1e6 / timed;
        List<Thread> workers = new ArrayList<>();
        long pstart = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        check(java.util.Arrays.equals(expected, pooled.hash(pw, salt, expected.length)));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - pstart) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "POOLED single_ms=%.3f parallel_per_s=%.2f alloc_spring_bytes=%d alloc_pooled_bytes=%d%n",
                singleMs, threads * perThread / seconds, springBytes, pooledBytes);
    }

    private static void check(boolean matched) {
        if (!matched) {
            throw new IllegalStateException("Argon2 verification failed");
        }
    }
}
