package dev.frontdesk.core.credential;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;


/**
 * Argon2id in PHC string form ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}, the form Spring
 * Security writes too). Default parameters are OWASP's (m=19 MiB, t=2, p=1). The encoding carries its
 * parameters, so a hash made under older settings is still verified, reported by {@link #needsRehash}
 * and upgraded at the next login.
 *
 * <p>Why not a plain encoder: one hash needs {@code m} KiB of working memory, and allocating 19 MiB per
 * login made the garbage collector, not the hash, the bottleneck (20.7 MB allocated per verification,
 * measured in bench/). Every hash runs on a {@link HashLane}: one worker thread per core fed in arrival
 * order (see there why a fair queue of arenas on the request threads was not first-come first-served),
 * and each worker keeps one block arena. Workers and their arenas are made when first needed and dropped
 * after the lane has been idle for a while, so an idle server holds none. A hash with other parameters
 * (an old one) runs on the lane too, unpooled.
 */
public final class Argon2Hasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,172})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final String prefix;
    private final HashLane lane;
    private final ThreadLocal<Arena> arenas;
    private final SecureRandom random = new SecureRandom();

    public Argon2Hasher(Argon2Parameters parameters) {
        this(parameters, Runtime.getRuntime().availableProcessors());
    }

    /** {@code workers}: hashes that may run at once (one arena each); the default is one per core. */
    public Argon2Hasher(Argon2Parameters parameters, int workers) {
        this.parameters = parameters;
        this.prefix = "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$";
        this.lane = new HashLane(workers);
        this.arenas = ThreadLocal.withInitial(() -> new Arena(parameters.memoryKiB()));
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    @Override
    public String hash(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return prefix + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * A well-formed hash with the current parameters that no password matches (its salt and digest are
     * random, not derived): verifying against it costs exactly what verifying a real one does, and making
     * it costs nothing.
     */
    @Override
    public String unmatchableHash() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] digest = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(digest);
        return prefix + B64.encodeToString(salt) + "$" + B64.encodeToString(digest);
    }

    @Override
    public boolean matches(CharSequence password, String encodedHash) {
        if (encodedHash == null) {
            return false;
        }
        Matcher phc = PHC.matcher(encodedHash);
        if (!phc.matches()) {
            return false;
        }
        try {
            Argon2Parameters used = new Argon2Parameters(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)));
            byte[] salt = B64_DECODER.decode(phc.group(4));
            byte[] expected = B64_DECODER.decode(phc.group(5));
            return MessageDigest.isEqual(derive(password, salt, used, expected.length), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return encodedHash == null || !encodedHash.startsWith(prefix);
    }

    @Override
    public boolean recognizes(String encodedHash) {
        return encodedHash != null && PHC.matcher(encodedHash).matches();
    }

    private byte[] derive(CharSequence password, byte[] salt, Argon2Parameters used, int length) {
        Builder builder = new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(used.iterations())
                .withMemoryAsKB(used.memoryKiB())
                .withParallelism(used.parallelism())
                .withSalt(salt);
        char[] chars = password.toString().toCharArray();
        boolean pooled = used.equals(parameters);
        return lane.run(() -> {
            byte[] out = new byte[length];
            if (pooled) {
                Arena arena = arenas.get();
                arena.rewind();
                builder.withBlockPool(arena);
            }
            generate(builder, chars, out);
            return out;
        });
    }

    private static void generate(Builder builder, char[] password, byte[] out) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        generator.generateBytes(password, out);
    }

    /** Pre-allocated Argon2 blocks handed out in order (cleared, as BouncyCastle's own pool does). */
    private static final class Arena implements Argon2BytesGenerator.BlockPool {
        private final Argon2BytesGenerator.Block[] blocks;
        private int next;

        Arena(int memoryKiB) {
            blocks = new Argon2BytesGenerator.Block[memoryKiB + 16];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = new Argon2BytesGenerator.Block();
            }
        }

        void rewind() {
            next = 0;
        }

        @Override
        public Argon2BytesGenerator.Block allocate() {
            return next < blocks.length ? blocks[next++].clear() : new Argon2BytesGenerator.Block();
        }

        @Override
        public void deallocate(Argon2BytesGenerator.Block block) {
        }
    }
}
