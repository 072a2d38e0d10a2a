package org.tashil.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Small draws the simulations share. */
final class Draws {

  private Draws() {}

  /** {@code expected} rounded up or down at random, so that the mean is kept. */
  static int count(double expected, SplittableRandom random) {
    if (expected <= 0) {
      return 0;
    }
    int whole = (int) Math.floor(expected);
    return whole + (random.nextDouble() < expected - whole ? 1 : 0);
  }

  static boolean chance(double probability, SplittableRandom random) {
    return random.nextDouble() < probability;
  }

  static double between(double low, double high, SplittableRandom random) {
    return low + (high - low) * random.nextDouble();
  }

  /** A whole number from {@code low} to {@code high}, both included. */
  static int between(int low, int high, SplittableRandom random) {
    return high <= low ? low : random.nextInt(low, high + 1);
  }

  /** A day from {@code first} to {@code last}, both included. */
  static LocalDate day(LocalDate first, LocalDate last, SplittableRandom random) {
    long span = last.toEpochDay() - first.toEpochDay();
    return span <= 0 ? first : first.plusDays(random.nextLong(span + 1));
  }

  /** How many of {@code trials} independent events of the given probability happen. */
  static int binomial(int trials, double probability, SplittableRandom random) {
    int successes = 0;
    for (int i = 0; i < trials; i++) {
      if (random.nextDouble() < probability) {
        successes++;
      }
    }
    return successes;
  }

  /** A positive amount with the given median, spread by a log-normal of the given sigma. */
  static double logNormal(double median, double sigma, SplittableRandom random) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  static int clamp(long value, int low, int high) {
    return (int) Math.max(low, Math.min(high, value));
  }
}
