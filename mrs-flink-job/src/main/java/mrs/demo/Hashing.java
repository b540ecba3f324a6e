package mrs.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable hashing for the generator. Every random draw is seeded from these hashes of names and
 * times, never from {@link String#hashCode()} of a mutable order or from the clock, so a store,
 * SKU and hour always get the same numbers whatever else is generated around them.
 */
final class Hashing {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {}

    /** 64-bit FNV-1a of the UTF-16 chars; stable across JVMs and runs. */
    static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the output. */
    static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** Order-sensitive combination of two hashes. */
    static long mix(long a, long b) {
        return fmix64(a * GOLDEN ^ fmix64(b + GOLDEN));
    }

    /** A uniform double in [0, 1) from a hash. */
    static double unit(long h) {
        return (fmix64(h) >>> 11) * 0x1.0p-53;
    }

    /** A name-based (v3) UUID of the given parts joined by '|'. */
    static String uuid(Object... parts) {
        StringBuilder b = new StringBuilder("mrs-demo");
        for (Object p : parts) {
            b.append('|').append(p);
        }
        return UUID.nameUUIDFromBytes(b.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
