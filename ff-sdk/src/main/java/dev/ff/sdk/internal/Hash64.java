package dev.ff.sdk.internal;

import java.security.SecureRandom;

/**
 * Seeded 64-bit fingerprints of strings, for the exposure dedup table ({@link ExposureDedup}).
 *
 * <p>Not a cryptographic hash, and never sent anywhere: it only decides whether an exposure was
 * already recorded in this process. The string's UTF-16 code units are packed four to a 64-bit
 * word; each word is folded in with a bijective mixer ({@code h = mix(h ^ word)}), the length is
 * folded in first. Two consequences: strings of equal length that differ in exactly one word never
 * collide, and otherwise two distinct strings collide with a probability of about 2<sup>-64</sup>.
 * The seed is drawn once per process from {@link SecureRandom}, so inputs cannot be crafted to
 * collide (which would suppress an exposure) without knowing it. {@link String#hashCode()} is not
 * used: its 32 bits collide after about 77,000 distinct units with 50% probability.
 */
public final class Hash64 {
  /** The per-process seed. */
  private static final long SEED = new SecureRandom().nextLong();

  private static final long M1 = 0xbf58476d1ce4e5b9L;
  private static final long M2 = 0x94d049bb133111ebL;
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private Hash64() {}

  /**
   * The fingerprint of a string under this process's seed.
   *
   * @param s the string
   * @return its 64-bit fingerprint; never 0
   */
  public static long of(String s) {
    int n = s.length();
    long h = mix(SEED ^ (n * GOLDEN));
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long w =
          s.charAt(i)
              | (long) s.charAt(i + 1) << 16
              | (long) s.charAt(i + 2) << 32
              | (long) s.charAt(i + 3) << 48;
      h = mix(h ^ w);
    }
    if (i < n) {
      long w = 0;
      for (int shift = 0; i < n; i++, shift += 16) {
        w |= (long) s.charAt(i) << shift;
      }
      h = mix(h ^ w);
    }
    return nonZero(h);
  }

  /**
   * The fingerprint of an ordered pair of strings (a flag key and a variation key). The two strings
   * are fingerprinted apart, so no pair is confused with another whose concatenation is the same
   * ({@code ("ab", "c")} and {@code ("a", "bc")}).
   *
   * @param first the first string
   * @param second the second string
   * @return the 64-bit fingerprint; never 0
   */
  public static long pair(String first, String second) {
    return nonZero(mix(of(first) * GOLDEN + mix(of(second) ^ M2)));
  }

  /**
   * The fingerprint of one exposure: a unit's fingerprint with a (flag, variation) fingerprint.
   * Both inputs are already uniformly mixed, so their exclusive or is as well: two distinct
   * exposures share it with a probability of 2<sup>-64</sup>.
   *
   * @param unit the unit key's fingerprint ({@link #of})
   * @param flagVariation the fingerprint of the flag and variation ({@link #pair})
   * @return the exposure fingerprint; never 0
   */
  public static long exposure(long unit, long flagVariation) {
    return nonZero(unit ^ flagVariation);
  }

  /** A bijective 64-bit mixer (the finaliser of SplitMix64). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * M1;
    z = (z ^ (z >>> 27)) * M2;
    return z ^ (z >>> 31);
  }

  private static long nonZero(long h) {
    return h == 0 ? GOLDEN : h;
  }
}
