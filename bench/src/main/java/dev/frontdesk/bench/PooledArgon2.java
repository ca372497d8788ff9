package dev.frontdesk.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A prototype of the change recommended in BENCHMARKS.md, measured by {@link HashTimer}: Argon2id through
 * BouncyCastle's generator with {@link Argon2Parameters.Builder#withBlockPool}, drawing its 19,456 one-KiB
 * blocks from one of {@code cores} pre-allocated arenas instead of allocating 19 MiB per hash. Taking an
 * arena also bounds concurrent hashes to the number of arenas (a FIFO queue, so waiting logins are served
 * in order). Bench-only: Frontdesk's own hasher is not changed here.
 */
final class PooledArgon2 {
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final BlockingQueue<Arena> arenas;

    PooledArgon2(int memoryKiB, int iterations, int parallelism, int arenaCount) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.arenas = new ArrayBlockingQueue<>(arenaCount, true);
        for (int i = 0; i < arenaCount; i++) {
            arenas.add(new Arena(memoryKiB + 16));
        }
    }

    byte[] hash(char[] password, byte[] salt, int length) throws InterruptedException {
        Arena arena = arenas.take();
        try {
            arena.next = 0;
            Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13).withIterations(iterations)
                    .withMemoryAsKB(memoryKiB).withParallelism(parallelism).withSalt(salt).withBlockPool(arena)
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            byte[] out = new byte[length];
            generator.generateBytes(password, out);
            return out;
        } finally {
            arenas.add(arena);
        }
    }

    /** Hands out pre-allocated blocks in order (cleared, as BouncyCastle's own pool does); returns are no-ops. */
    static final class Arena implements Argon2BytesGenerator.BlockPool {
        private final Argon2BytesGenerator.Block[] blocks;
        private int next;

        Arena(int size) {
            blocks = new Argon2BytesGenerator.Block[size];
            for (int i = 0; i < size; i++) {
                blocks[i] = new Argon2BytesGenerator.Block();
            }
        }

        @Override
        public Argon2BytesGenerator.Block allocate() {
            if (next == blocks.length) {
                return new Argon2BytesGenerator.Block();
            }
            return blocks[next++].clear();
        }

        @Override
        public void deallocate(Argon2BytesGenerator.Block block) {
        }
    }
}
