package org.tashil.generate;

import java.util.SplittableRandom;

/**
 * Random number generators derived from the seed and stable names (a period, an office, a dataset),
 * so that each part of the inbox is drawn from its own stream and the same arguments always give
 * the same files, whatever else is generated beside them.
 */
final class Seeds {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** A generator for the seed and the given parts, compared by their text. */
  static SplittableRandom random(long seed, Object... parts) {
    long state = mix(seed + GOLDEN);
    for (Object part : parts) {
      state = mix(state ^ fingerprint(String.valueOf(part)));
      state += GOLDEN;
    }
    return new SplittableRandom(mix(state));
  }

  /**
   * FNV-1a over the UTF-16 code units: the same on every JVM, unlike {@code hashCode} of most
   * objects.
   */
  private static long fingerprint(String text) {
    long hash = 0xCBF29CE484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001B3L;
    }
    return hash;
  }

  /** The finaliser of SplitMix64. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
