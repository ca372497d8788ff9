package dev.frontdesk.server.config;

import dev.frontdesk.core.credential.Argon2Parameters;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.support.Cidr;
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
        String logFormat,
        long headerReadTimeoutSeconds,
        long bodyReadTimeoutSeconds,
        String metricsToken,
        String secretKeyFile,
        String secretKey,

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
        logFormat = Objects.requireNonNullElse(logFormat, "text");
        Validation.require(logFormat.equals("text") || logFormat.equals("json"), "logFormat",
                "logFormat must be text or json");
        Validation.require(headerReadTimeoutSeconds >= 1 && headerReadTimeoutSeconds <= 3600, "headerReadTimeoutSeconds",
                "headerReadTimeoutSeconds must be 1..3600");
        Validation.require(bodyReadTimeoutSeconds >= 1 && bodyReadTimeoutSeconds <= 3600, "bodyReadTimeoutSeconds",
                "bodyReadTimeoutSeconds must be 1..3600");
        metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
        Validation.require(metricsToken == null || metricsToken.length() >= 16, "metricsToken",
                "metricsToken must be at least 16 characters");
        secretKeyFile = secretKeyFile == null || secretKeyFile.isBlank() ? null : secretKeyFile;
        secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey;
        adminSecondFactor = Objects.requireNonNullElse(adminSecondFactor, "enrolled");
        Validation.require(adminSecondFactor.equals("enrolled") || adminSecondFactor.equals("required"),
                "adminSecondFactor", "adminSecondFactor must be enrolled or required");
    }

    public static ServerConfig defaults() {
        Argon2Parameters owasp = Argon2Parameters.owasp();
        return new ServerConfig("0.0.0.0", 8080, "./data", null, "", "", null, List.of(), null,
                owasp.memoryKiB(), owasp.iterations(), owasp.parallelism(), 64 * 1024, 30, null, null, true, "text",
                10, 10, null, null, null, true, "enrolled");
    }

    public Argon2Parameters argon2() {
        return new Argon2Parameters(argon2MemoryKiB, argon2Iterations, argon2Parallelism);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    /**
     * Where the key that seals stored secrets lives: {@code secretKeyFile}, else {@code frontdesk.key}
     * beside the data directory (not inside it, so a copy of the data alone does not carry the key).
     */
    public Path secretKeyPath() {
        if (secretKeyFile != null) {
            return Path.of(secretKeyFile);
        }
        Path data = dataPath().toAbsolutePath().normalize();
        Path parent = data.getParent() == null ? data : data.getParent();
        return parent.resolve("frontdesk.key");
    }

    public List<Cidr> trustedProxyRanges() {
        return trustedProxies.stream().map(Cidr::parse).toList();
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl="
                + (dbUrl == null ? "(embedded)" : dbUrl) + ", redisUrl=" + (redisUrl == null ? "(none)" : "(set)") + "]";
    }

    /** A builder starting from these values: tests and the config loader change only what they need. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** Builds a {@link ServerConfig}; {@link #build()} validates like the record does. */
    public static final class Builder {
        private String host;
        private int port;
        private String dataDir;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private String redisUrl;
        private List<String> trustedProxies;
        private String adminPassword;
        private int argon2MemoryKiB;
        private int argon2Iterations;
        private int argon2Parallelism;
        private long maxBodyBytes;
        private long sweepIntervalSeconds;
        private String tlsKeystore;
        private String tlsKeystorePassword;
        private boolean accessLog;
        private String logFormat;
        private long headerReadTimeoutSeconds;
        private long bodyReadTimeoutSeconds;
        private String metricsToken;
        private String secretKeyFile;
        private String secretKey;
        private boolean adminBasicAuth;
        private String adminSecondFactor;

        private Builder(ServerConfig from) {
            this.host = from.host;
            this.port = from.port;
            this.dataDir = from.dataDir;
            this.dbUrl = from.dbUrl;
            this.dbUser = from.dbUser;
            this.dbPassword = from.dbPassword;
            this.redisUrl = from.redisUrl;
            this.trustedProxies = from.trustedProxies;
            this.adminPassword = from.adminPassword;
            this.argon2MemoryKiB = from.argon2MemoryKiB;
            this.argon2Iterations = from.argon2Iterations;
            this.argon2Parallelism = from.argon2Parallelism;
            this.maxBodyBytes = from.maxBodyBytes;
            this.sweepIntervalSeconds = from.sweepIntervalSeconds;
            this.tlsKeystore = from.tlsKeystore;
            this.tlsKeystorePassword = from.tlsKeystorePassword;
            this.accessLog = from.accessLog;
            this.logFormat = from.logFormat;
            this.headerReadTimeoutSeconds = from.headerReadTimeoutSeconds;
            this.bodyReadTimeoutSeconds = from.bodyReadTimeoutSeconds;
            this.metricsToken = from.metricsToken;
            this.secretKeyFile = from.secretKeyFile;
            this.secretKey = from.secretKey;
            this.adminBasicAuth = from.adminBasicAuth;
            this.adminSecondFactor = from.adminSecondFactor;
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder dataDir(String value) {
            this.dataDir = value;
            return this;
        }

        public Builder dbUrl(String value) {
            this.dbUrl = value;
            return this;
        }

        public Builder dbUser(String value) {
            this.dbUser = value;
            return this;
        }

        public Builder dbPassword(String value) {
            this.dbPassword = value;
            return this;
        }

        public Builder redisUrl(String value) {
            this.redisUrl = value;
            return this;
        }

        public Builder trustedProxies(List<String> value) {
            this.trustedProxies = value;
            return this;
        }

        public Builder adminPassword(String value) {
            this.adminPassword = value;
            return this;
        }

        public Builder argon2MemoryKiB(int value) {
            this.argon2MemoryKiB = value;
            return this;
        }

        public Builder argon2Iterations(int value) {
            this.argon2Iterations = value;
            return this;
        }

        public Builder argon2Parallelism(int value) {
            this.argon2Parallelism = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            this.maxBodyBytes = value;
            return this;
        }

        public Builder sweepIntervalSeconds(long value) {
            this.sweepIntervalSeconds = value;
            return this;
        }

        public Builder tlsKeystore(String value) {
            this.tlsKeystore = value;
            return this;
        }

        public Builder tlsKeystorePassword(String value) {
            this.tlsKeystorePassword = value;
            return this;
        }

        public Builder accessLog(boolean value) {
            this.accessLog = value;
            return this;
        }

        public Builder logFormat(String value) {
            this.logFormat = value;
            return this;
        }

        public Builder headerReadTimeoutSeconds(long value) {
            this.headerReadTimeoutSeconds = value;
            return this;
        }

        public Builder bodyReadTimeoutSeconds(long value) {
            this.bodyReadTimeoutSeconds = value;
            return this;
        }

        public Builder metricsToken(String value) {
            this.metricsToken = value;
            return this;
        }

        public Builder secretKeyFile(String value) {
            this.secretKeyFile = value;
            return this;
        }

        public Builder secretKey(String value) {
            this.secretKey = value;
            return this;
        }

        public Builder adminBasicAuth(boolean value) {
            this.adminBasicAuth = value;
            return this;
        }

        public Builder adminSecondFactor(String value) {
            this.adminSecondFactor = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, redisUrl, trustedProxies,
                    adminPassword, argon2MemoryKiB, argon2Iterations, argon2Parallelism, maxBodyBytes,
                    sweepIntervalSeconds, tlsKeystore, tlsKeystorePassword, accessLog, logFormat,
                    headerReadTimeoutSeconds, bodyReadTimeoutSeconds, metricsToken, secretKeyFile, secretKey,
                    adminBasicAuth, adminSecondFactor);
        }
    }
}
