package dev.frontdesk.bench;

import dev.frontdesk.core.credential.Argon2Hasher;
import dev.frontdesk.core.credential.Argon2Parameters;
import dev.frontdesk.core.credential.LegacyAwareHasher;
import dev.frontdesk.core.credential.PasswordHasher;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The login ceiling as the server sees it: the hasher the server runs ({@code LegacyAwareHasher} over
 * {@code Argon2Hasher} with the OWASP parameters and its default worker count, one per core, so its lane
 * and arenas), started by the harness as its own JVM with the server's JVM flags. Measures one
 * verification single-threaded after warm-up ({@code cores / one hash} is the arithmetic ceiling) and one
 * verification per core in parallel, from as many virtual threads as the login run has connections (the
 * measured ceiling: what the lane delivers on this machine). Spring Security's encoder, which the server
 * used before, is timed the same way as a labelled reference. Prints:
 * {@code HASH single_ms=.. parallel_per_s=.. threads=.. alloc_bytes=..} and
 * {@code SPRING single_ms=.. parallel_per_s=.. alloc_bytes=..}.
 */
public final class HashTimer {
    private HashTimer() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int cores = Runtime.getRuntime().availableProcessors();
        String password = "Bench-Passw0rd-" + System.nanoTime();

        PasswordHasher server = new LegacyAwareHasher(new Argon2Hasher(Argon2Parameters.owasp()));
        String serverHash = server.hash(password);
        Figures fd = time(() -> server.matches(password, serverHash), warmup, timed, cores);
        System.out.printf(Locale.ROOT, "HASH single_ms=%.3f parallel_per_s=%.2f threads=%d alloc_bytes=%d%n",
                fd.singleMs, fd.parallelPerS, cores, fd.allocBytes);

        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        String springHash = spring.encode(password);
        Figures sp = time(() -> spring.matches(password, springHash), warmup, timed, cores);
        System.out.printf(Locale.ROOT, "SPRING single_ms=%.3f parallel_per_s=%.2f alloc_bytes=%d%n",
                sp.singleMs, sp.parallelPerS, sp.allocBytes);
    }

    private record Figures(double singleMs, double parallelPerS, long allocBytes) {
    }

    private static Figures time(BooleanSupplier verify, int warmup, int timed, int cores) throws InterruptedException {
        for (int i = 0; i < warmup; i++) {
            check(verify.getAsBoolean());
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = mx.getTotalThreadAllocatedBytes(); // the server's hasher allocates on its own worker threads
        check(verify.getAsBoolean());
        long alloc = mx.getTotalThreadAllocatedBytes() - a0;

        long start = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            check(verify.getAsBoolean());
        }
        double singleMs = (System.nanoTime() - start) / 1e6 / timed;

        int callers = Harness.LOGIN_CONNECTIONS;
        int perCaller = Math.max(2, timed * cores / callers);
        List<Thread> workers = new ArrayList<>();
        long pstart = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            workers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perCaller; i++) {
                    check(verify.getAsBoolean());
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - pstart) / 1e9;
        return new Figures(singleMs, callers * perCaller / seconds, alloc);
    }

    private static void check(boolean matched) {
        if (!matched) {
            throw new IllegalStateException("Argon2 verification failed");
        }
    }
}
