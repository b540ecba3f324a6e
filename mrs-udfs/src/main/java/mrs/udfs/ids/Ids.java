package mrs.udfs.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Deterministic identities. Every id is a hash of the inputs that define the object, never of the
 * wall clock or a random value, so a replay of the same input produces the same ids.
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /**
     * {@code report_id = hash(store_id || window_start)}: one store's anomalous episode, keyed by the
     * start of its first anomalous window (ISO-8601 UTC instant).
     */
    public static String reportId(String storeId, long windowStartMillis) {
        return "MR-" + sha256Hex(storeId + "|" + Instant.ofEpochMilli(windowStartMillis), 16);
    }

    /** Id of a refused record: its stage, position and payload. */
    public static String errorId(String stage, String source, int partition, long offset, String payload) {
        return "ERR-"
                + sha256Hex(stage + "|" + source + "|" + partition + "|" + offset + "|" + payload, 16);
    }

    /** The first {@code hexChars} hex digits of SHA-256 over the UTF-8 text. */
    public static String sha256Hex(String text, int hexChars) {
        if (hexChars < 1 || hexChars > 64) {
            throw new IllegalArgumentException("hexChars must be in 1..64, got " + hexChars);
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
        char[] out = new char[hexChars];
        for (int i = 0; i < hexChars; i++) {
            int b = digest[i / 2] & 0xff;
            out[i] = HEX[(i % 2 == 0) ? b >>> 4 : b & 0xf];
        }
        return new String(out);
    }
}
