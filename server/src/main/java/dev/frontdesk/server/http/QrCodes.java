package dev.frontdesk.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * QR codes (ISO/IEC 18004) for TOTP enrolment (admin API and native API), drawn as an SVG data URI.
 *
 * <p>Written here because no QR library is available to this build; it does only what an
 * {@code otpauth://} URI needs: byte mode, error correction level M, versions 1 to 10 (up to 213
 * bytes; a longer URI gets no picture, and the console shows the key to type in instead). The steps
 * are the standard's: data bits, Reed-Solomon blocks over GF(256) interleaved, function patterns,
 * zig-zag placement, the mask with the lowest penalty (rules 1, 2 and 4), then format and version bits.
 */
public final class QrCodes {
    private static final int MAX_VERSION = 10;
    /** Level M, by version (index 0 unused). */
    private static final int[] ECC_PER_BLOCK = {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26};
    private static final int[] BLOCKS = {-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5};
    private static final int FORMAT_LEVEL_M = 0;

    private final int size;
    private final boolean[][] dark;
    private final boolean[][] function;

    private QrCodes(int version) {
        size = version * 4 + 17;
        dark = new boolean[size][size];
        function = new boolean[size][size];
    }

    /** {@code data:image/svg+xml;base64,...} of the text's QR code, or null when the text is too long. */
    public static String svgDataUri(String text) {
        boolean[][] modules = encode(text.getBytes(StandardCharsets.UTF_8));
        if (modules == null) {
            return null;
        }
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(modules)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The modules (true = dark), row by row; null when the data does not fit version 10-M. */
    public static boolean[][] encode(byte[] data) {
        for (int version = 1; version <= MAX_VERSION; version++) {
            int countBits = version <= 9 ? 8 : 16;
            int capacityBits = dataCodewords(version) * 8;
            if (4 + countBits + data.length * 8 <= capacityBits) {
                QrCodes qr = new QrCodes(version);
                qr.drawFunctionPatterns(version);
                qr.drawCodewords(qr.interleave(version, qr.dataCodewords(version, data, countBits)));
                qr.applyBestMask(version);
                return qr.dark;
            }
        }
        return null;
    }

    private static String svg(boolean[][] modules) {
        int border = 4;
        int n = modules.length + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules.length; x++) {
                if (modules[y][x]) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    // ---- data -----------------------------------------------------------------------------------

    private static int rawModules(int version) {
        int result = (16 * version + 128) * version + 64;
        if (version >= 2) {
            int align = version / 7 + 2;
            result -= (25 * align - 10) * align - 55;
            if (version >= 7) {
                result -= 36;
            }
        }
        return result;
    }

    private static int dataCodewords(int version) {
        return rawModules(version) / 8 - ECC_PER_BLOCK[version] * BLOCKS[version];
    }

    private byte[] dataCodewords(int version, byte[] data, int countBits) {
        List<Boolean> bits = new ArrayList<>();
        append(bits, 0b0100, 4);
        append(bits, data.length, countBits);
        for (byte b : data) {
            append(bits, b & 0xff, 8);
        }
        int capacity = dataCodewords(version) * 8;
        append(bits, 0, Math.min(4, capacity - bits.size()));
        append(bits, 0, (8 - bits.size() % 8) % 8);
        for (int pad = 0xEC; bits.size() < capacity; pad ^= 0xEC ^ 0x11) {
            append(bits, pad, 8);
        }
        byte[] result = new byte[capacity / 8];
        for (int i = 0; i < bits.size(); i++) {
            if (bits.get(i)) {
                result[i >>> 3] |= (byte) (1 << (7 - (i & 7)));
            }
        }
        return result;
    }

    private static void append(List<Boolean> bits, int value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            bits.add(((value >>> i) & 1) != 0);
        }
    }

    private byte[] interleave(int version, byte[] data) {
        int blocks = BLOCKS[version];
        int eccLen = ECC_PER_BLOCK[version];
        int raw = rawModules(version) / 8;
        int shortBlocks = blocks - raw % blocks;
        int shortLen = raw / blocks;
        byte[] divisor = divisor(eccLen);
        byte[][] all = new byte[blocks][];
        for (int i = 0, k = 0; i < blocks; i++) {
            byte[] dat = Arrays.copyOfRange(data, k, k + shortLen - eccLen + (i < shortBlocks ? 0 : 1));
            k += dat.length;
            byte[] ecc = remainder(dat, divisor);
            byte[] block = Arrays.copyOf(dat, shortLen + 1);
            System.arraycopy(ecc, 0, block, block.length - eccLen, eccLen);
            all[i] = block;
        }
        byte[] result = new byte[raw];
        for (int i = 0, k = 0; i < all[0].length; i++) {
            for (int j = 0; j < all.length; j++) {
                if (i != shortLen - eccLen || j >= shortBlocks) {
                    result[k++] = all[j][i];
                }
            }
        }
        return result;
    }

    private static byte[] divisor(int degree) {
        byte[] result = new byte[degree];
        result[degree - 1] = 1;
        int root = 1;
        for (int i = 0; i < degree; i++) {
            for (int j = 0; j < result.length; j++) {
                result[j] = (byte) multiply(result[j] & 0xff, root);
                if (j + 1 < result.length) {
                    result[j] ^= result[j + 1];
                }
            }
            root = multiply(root, 0x02);
        }
        return result;
    }

    private static byte[] remainder(byte[] data, byte[] divisor) {
        byte[] result = new byte[divisor.length];
        for (byte b : data) {
            int factor = (b ^ result[0]) & 0xff;
            System.arraycopy(result, 1, result, 0, result.length - 1);
            result[result.length - 1] = 0;
            for (int i = 0; i < result.length; i++) {
                result[i] ^= (byte) multiply(divisor[i] & 0xff, factor);
            }
        }
        return result;
    }

    /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
    private static int multiply(int x, int y) {
        int z = 0;
        for (int i = 7; i >= 0; i--) {
            z = (z << 1) ^ ((z >>> 7) * 0x11D);
            z ^= ((y >>> i) & 1) * x;
        }
        return z;
    }

    // ---- drawing --------------------------------------------------------------------------------

    private void set(int x, int y, boolean isDark) {
        dark[y][x] = isDark;
        function[y][x] = true;
    }

    private void drawFunctionPatterns(int version) {
        for (int i = 0; i < size; i++) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        drawFinder(3, 3);
        drawFinder(size - 4, 3);
        drawFinder(3, size - 4);
        int[] align = alignmentPositions(version);
        for (int i = 0; i < align.length; i++) {
            for (int j = 0; j < align.length; j++) {
                boolean corner = (i == 0 && j == 0) || (i == 0 && j == align.length - 1)
                        || (i == align.length - 1 && j == 0);
                if (!corner) {
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            set(align[i] + dx, align[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
                        }
                    }
                }
            }
        }
        drawFormat(0); // reserves the modules; redrawn with the chosen mask
        if (version >= 7) {
            int rem = version;
            for (int i = 0; i < 12; i++) {
                rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
            }
            int bits = version << 12 | rem;
            for (int i = 0; i < 18; i++) {
                boolean bit = ((bits >>> i) & 1) != 0;
                int a = size - 11 + i % 3;
                int b = i / 3;
                set(a, b, bit);
                set(b, a, bit);
            }
        }
    }

    private void drawFinder(int x, int y) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int dist = Math.max(Math.abs(dx), Math.abs(dy));
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && xx < size && yy >= 0 && yy < size) {
                    set(xx, yy, dist != 2 && dist != 4);
                }
            }
        }
    }

    private int[] alignmentPositions(int version) {
        if (version == 1) {
            return new int[0];
        }
        int count = version / 7 + 2;
        int step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
        int[] result = new int[count];
        result[0] = 6;
        for (int i = count - 1, pos = size - 7; i >= 1; i--, pos -= step) {
            result[i] = pos;
        }
        return result;
    }

    private void drawFormat(int mask) {
        int data = FORMAT_LEVEL_M << 3 | mask;
        int rem = data;
        for (int i = 0; i < 10; i++) {
            rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
        }
        int bits = (data << 10 | rem) ^ 0x5412;
        for (int i = 0; i <= 5; i++) {
            set(8, i, bit(bits, i));
        }
        set(8, 7, bit(bits, 6));
        set(8, 8, bit(bits, 7));
        set(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            set(14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            set(size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            set(8, size - 15 + i, bit(bits, i));
        }
        set(8, size - 8, true);
    }

    private static boolean bit(int value, int i) {
        return ((value >>> i) & 1) != 0;
    }

    private void drawCodewords(byte[] data) {
        int i = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            for (int vert = 0; vert < size; vert++) {
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    boolean upward = ((right + 1) & 2) == 0;
                    int y = upward ? size - 1 - vert : vert;
                    if (!function[y][x] && i < data.length * 8) {
                        dark[y][x] = bit(data[i >>> 3], 7 - (i & 7));
                        i++;
                    }
                }
            }
        }
    }

    private void applyMask(int mask) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean invert = switch (mask) {
                    case 0 -> (x + y) % 2 == 0;
                    case 1 -> y % 2 == 0;
                    case 2 -> x % 3 == 0;
                    case 3 -> (x + y) % 3 == 0;
                    case 4 -> (x / 3 + y / 2) % 2 == 0;
                    case 5 -> x * y % 2 + x * y % 3 == 0;
                    case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
                    default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
                };
                dark[y][x] ^= invert && !function[y][x];
            }
        }
    }

    private void applyBestMask(int version) {
        int best = 0;
        long bestPenalty = Long.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            applyMask(mask);
            drawFormat(mask);
            long penalty = penalty();
            if (penalty < bestPenalty) {
                best = mask;
                bestPenalty = penalty;
            }
            applyMask(mask); // XOR again: undone
        }
        applyMask(best);
        drawFormat(best);
    }

    /** Rules 1 (runs of five or more), 2 (2x2 blocks) and 4 (dark/light balance) of the standard. */
    private long penalty() {
        long result = 0;
        for (int y = 0; y < size; y++) {
            result += runs(y, true);
            result += runs(y, false);
        }
        int darkCount = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                darkCount += dark[y][x] ? 1 : 0;
                if (x + 1 < size && y + 1 < size) {
                    boolean c = dark[y][x];
                    if (c == dark[y][x + 1] && c == dark[y + 1][x] && c == dark[y + 1][x + 1]) {
                        result += 3;
                    }
                }
            }
        }
        int total = size * size;
        int k = (Math.abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
        return result + Math.max(0, k) * 10L;
    }

    private long runs(int line, boolean row) {
        long result = 0;
        int run = 0;
        boolean color = false;
        for (int i = 0; i < size; i++) {
            boolean c = row ? dark[line][i] : dark[i][line];
            if (i > 0 && c == color) {
                run++;
                if (run == 5) {
                    result += 3;
                } else if (run > 5) {
                    result++;
                }
            } else {
                color = c;
                run = 1;
            }
        }
        return result;
    }
}
