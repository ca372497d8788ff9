package dev.frontdesk.server.config;

import dev.frontdesk.core.credential.Argon2Parameters;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.server.http.Cidr;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Server settings, sealed at start-up. Each key can come from the YAML file, from an environment
 * variable ({@code FRONTDESK_} + the key in upper snake case, e.g. {@code FRONTDESK_DATA_DIR}), or
 * from a command-line flag, in increasing precedence. See {@link ConfigLoader}.
 */
public record ServerConfig(
        String host,
        int port,
        String dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String redisUrl,
        List<String> trustedProxies,
        String adminPassword,
        int argon2MemoryKiB,
        int argon2Iterations,
        int argon2Parallelism,
        long maxBodyBytes,
        long sweepIntervalSeconds,
        String tlsKeystore,
        String tlsKeystorePassword,
        boolean accessLog,
        boolean adminBasicAuth,
        String adminSecondFactor) {

    public ServerConfig {
        host = Objects.requireNonNullElse(host, "0.0.0.0");
        Validation.require(port >= 0 && port < 65536, "port", "port must be 0..65535");
        dataDir = Objects.requireNonNullElse(dataDir, "./data");
        dbUser = Objects.requireNonNullElse(dbUser, "");
        dbPassword = Objects.requireNonNullElse(dbPassword, "");
        trustedProxies = List.copyOf(Objects.requireNonNullElse(trustedProxies, List.of()));
        trustedProxies.forEach(c -> {
            try {
                Cidr.parse(c);
            } catch (IllegalArgumentException e) {
                throw new Validation("trustedProxies", e.getMessage());
            }
        });
        Validation.require(maxBodyBytes >= 1024, "maxBodyBytes", "maxBodyBytes must be at least 1024");
        Validation.require(sweepIntervalSeconds >= 1, "sweepIntervalSeconds", "sweepIntervalSeconds must be >= 1");
        new Argon2Parameters(argon2MemoryKiB, argon2Iterations, argon2Parallelism);
        adminSecondFactor = Objects.requireNonNullElse(adminSecondFactor, "enrolled");
        Validation.require(adminSecondFactor.equals("enrolled") || adminSecondFactor.equals("required"),
                "adminSecondFactor", "adminSecondFactor must be enrolled or required");
    }

    public static ServerConfig defaults() {
        Argon2Parameters owasp = Argon2Parameters.owasp();
        return new ServerConfig("0.0.0.0", 8080, "./data", null, "", "", null, List.of(), null,
                owasp.memoryKiB(), owasp.iterations(), owasp.parallelism(), 64 * 1024, 30, null, null, true, true, "enrolled");
    }

    public Argon2Parameters argon2() {
        return new Argon2Parameters(argon2MemoryKiB, argon2Iterations, argon2Parallelism);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public List<Cidr> trustedProxyRanges() {
        return trustedProxies.stream().map(Cidr::parse).toList();
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl="
                + (dbUrl == null ? "(embedded)" : dbUrl) + ", redisUrl=" + (redisUrl == null ? "(none)" : "(set)") + "]";
    }
}
