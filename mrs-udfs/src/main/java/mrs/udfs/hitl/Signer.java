package mrs.udfs.hitl;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of analyst actions: {@code signature = hex(HMAC-SHA256(key, UTF-8(action.canonical())))}.
 *
 * <ul>
 *   <li><b>Key</b>: raw bytes, at least {@link #MIN_KEY_BYTES} (32, the HMAC-SHA256 block-size guidance);
 *       written in the roster and on the command line as <b>hex</b> (64 or more hex digits, either case;
 *       generate one with {@code openssl rand -hex 32}). {@link #decodeKey} parses and checks it.</li>
 *   <li><b>Signature</b>: the 32-byte MAC as 64 <b>lower-case hex</b> digits. {@link #verify} also
 *       accepts upper case; anything that is not exactly 64 hex digits does not verify.</li>
 *   <li>Verification compares the MAC bytes with {@link MessageDigest#isEqual}, which takes time
 *       independent of where the bytes differ.</li>
 * </ul>
 * Stateless and thread-safe (a {@link Mac} is created per call).
 */
public final class Signer {

    /** Minimum key length in bytes. */
    public static final int MIN_KEY_BYTES = 32;
    /** JCA name of the MAC. */
    public static final String ALGORITHM = "HmacSHA256";

    private static final HexFormat HEX = HexFormat.of();

    private Signer() {}

    /** The signature (64 lower-case hex digits) of the action's canonical form; its own signature is ignored. */
    public static String sign(AnalystAction action, byte[] key) {
        return HEX.formatHex(mac(action, key));
    }

    /** {@link #sign(AnalystAction, byte[])} with a hex key. */
    public static String sign(AnalystAction action, String hexKey) {
        return sign(action, decodeKey(hexKey));
    }

    /** A copy of the action carrying its signature. */
    public static AnalystAction signed(AnalystAction action, byte[] key) {
        return action.withSignature(sign(action, key));
    }

    /** {@link #signed(AnalystAction, byte[])} with a hex key. */
    public static AnalystAction signed(AnalystAction action, String hexKey) {
        return signed(action, decodeKey(hexKey));
    }

    /**
     * Whether the action's signature is the HMAC of its canonical form under the key, compared in
     * constant time. False for a missing or malformed signature (never throws for a bad signature).
     */
    public static boolean verify(AnalystAction action, byte[] key) {
        byte[] given = decodeSignature(action.signature());
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(mac(action, key), given);
    }

    /** {@link #verify(AnalystAction, byte[])} with a hex key. */
    public static boolean verify(AnalystAction action, String hexKey) {
        return verify(action, decodeKey(hexKey));
    }

    /**
     * Parses a hex key (surrounding whitespace ignored, either case).
     *
     * @throws IllegalArgumentException if it is not hex or shorter than {@link #MIN_KEY_BYTES} bytes;
     *     the message never contains the key
     */
    public static byte[] decodeKey(String hexKey) {
        if (hexKey == null || hexKey.isBlank()) {
            throw new IllegalArgumentException("key is missing");
        }
        String h = hexKey.strip();
        if (h.length() % 2 != 0 || !isHex(h)) {
            throw new IllegalArgumentException("key must be hex digits (an even number of 0-9a-f), got "
                    + h.length() + " characters that are not");
        }
        byte[] key = HEX.parseHex(h);
        checkKey(key);
        return key;
    }

    private static void checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key must be at least " + MIN_KEY_BYTES + " bytes ("
                    + 2 * MIN_KEY_BYTES + " hex digits), got " + key.length);
        }
    }

    private static byte[] decodeSignature(String sig) {
        if (sig == null || sig.length() != 64 || !isHex(sig)) {
            return null;
        }
        return HEX.parseHex(sig);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static byte[] mac(AnalystAction action, byte[] key) {
        Objects.requireNonNull(action, "action");
        checkKey(key);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(action.canonical().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every JVM", e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable HMAC key", e);
        }
    }
}
