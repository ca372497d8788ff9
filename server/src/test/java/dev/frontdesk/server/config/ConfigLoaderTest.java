package dev.frontdesk.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void nothingGivenThenDocumentedDefaults() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo("./data");
        assertThat(config.trustedProxies()).isEmpty();
        assertThat(config.argon2MemoryKiB()).isEqualTo(19 * 1024);
    }

    @Test
    void fileThenEnvironmentThenFlagsEachWin() throws Exception {
        Path yaml = dir.resolve("frontdesk.yaml");
        Files.writeString(yaml, "port: 9000\ndataDir: /var/lib/fd\nmaxBodyBytes: 32768\n");
        Map<String, String> env = Map.of("FRONTDESK_DATA_DIR", "/srv/fd", "FRONTDESK_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1");
        Map<String, Object> flags = new HashMap<>();
        flags.put("port", 9100);
        ServerConfig config = ConfigLoader.load(yaml, env, flags);
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.dataDir()).isEqualTo("/srv/fd");
        assertThat(config.maxBodyBytes()).isEqualTo(32768);
        assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "127.0.0.1");
    }

    @Test
    void unknownKeyOrBadValueThenClearError() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "prot: 9000\n");
        assertThatThrownBy(() -> ConfigLoader.load(yaml, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prot");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("FRONTDESK_PORT", "eighty"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FRONTDESK_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("FRONTDESK_TRUSTED_PROXIES", "not-an-ip"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envNamesAreUpperSnakeCase() {
        assertThat(ConfigLoader.envName("dataDir")).isEqualTo("FRONTDESK_DATA_DIR");
        assertThat(ConfigLoader.envName("trustedProxies")).isEqualTo("FRONTDESK_TRUSTED_PROXIES");
    }
}
