package dev.frontdesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The QR encoder read back by a real reader: Debian's {@code zbarimg} ({@code bin/ensure-zbar}); without
 * it this test fails, it does not skip.
 */
class QrCodesTest {
    private static final Path ZBARIMG = Path.of("/usr/bin/zbarimg");

    @ParameterizedTest
    @ValueSource(strings = {"hi",
            "otpauth://totp/Frontdesk:hana.help?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=Frontdesk&algorithm=SHA1&digits=6&period=30",
            "otpauth://totp/Frontdesk:a-long-administrator-name-for-the-biggest-version%40example.com?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=Frontdesk&algorithm=SHA1&digits=6&period=30"})
    void encodeWhenReadByZbarThenSameText(String text) throws Exception {
        assertThat(ZBARIMG).as("zbarimg is missing: run bin/ensure-zbar").isExecutable();
        Path png = Files.createTempFile("qr", ".png");
        try {
            ImageIO.write(render(QrCodes.encode(text.getBytes(StandardCharsets.UTF_8))), "png", png.toFile());
            Process zbar = new ProcessBuilder(ZBARIMG.toString(), "-q", "--raw", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String read = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(zbar.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(read).isEqualTo(text);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    @Test
    void encodeWhenLongerThanVersion10ThenNoPicture() {
        assertThat(QrCodes.encode(new byte[214])).isNull();
        assertThat(QrCodes.encode(new byte[213])).hasNumberOfRows(57);
        assertThat(QrCodes.svgDataUri("x".repeat(300))).isNull();
        assertThat(QrCodes.svgDataUri("x")).startsWith("data:image/svg+xml;base64,");
    }

    private static BufferedImage render(boolean[][] modules) throws IOException {
        int scale = 6;
        int border = 4;
        int n = (modules.length + 2 * border) * scale;
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int mx = x / scale - border;
                int my = y / scale - border;
                boolean dark = mx >= 0 && my >= 0 && mx < modules.length && my < modules.length && modules[my][mx];
                image.setRGB(x, y, dark ? 0 : 0xffffff);
            }
        }
        return image;
    }
}
