package org.tashil.generate;

import java.util.List;
import org.tashil.calendar.Period;

/**
 * What to generate.
 *
 * @param periods consecutive periods, the first one first; demands are simulated from the first
 * @param scale multiplies every volume: 1 is the province today (contract §8)
 * @param seed the same seed and settings give the same files
 * @param messyShare share of files written in a messy style, from 0 (every file canonical) to 1
 */
public record GeneratorSettings(List<Period> periods, double scale, long seed, double messyShare) {

  public GeneratorSettings {
    periods = List.copyOf(periods);
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("no period to generate");
    }
    for (int i = 1; i < periods.size(); i++) {
      if (!periods.get(i).equals(periods.get(i - 1).plusMonths(1))) {
        throw new IllegalArgumentException("the periods to generate must follow one another");
      }
    }
    if (!(scale > 0) || scale > 1000) {
      throw new IllegalArgumentException("--scale must be above 0 and at most 1000, not " + scale);
    }
    if (!(messyShare >= 0) || messyShare > 1) {
      throw new IllegalArgumentException("--messy must be from 0 to 1, not " + messyShare);
    }
  }
}
