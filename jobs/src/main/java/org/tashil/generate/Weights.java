package org.tashil.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A discrete distribution over named values, drawn in the order the values were added. */
final class Weights {

  private final List<String> values;
  private final double[] cumulative;

  private Weights(Map<String, Double> weights) {
    this.values = List.copyOf(weights.keySet());
    this.cumulative = new double[values.size()];
    double total = 0;
    int i = 0;
    for (double weight : weights.values()) {
      total += Math.max(0, weight);
      cumulative[i++] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights of " + values + " sum to nothing");
    }
    for (int j = 0; j < cumulative.length; j++) {
      cumulative[j] /= total;
    }
  }

  static Builder builder() {
    return new Builder();
  }

  String pick(SplittableRandom random) {
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }

  /** The probability of one value. */
  double share(String value) {
    int i = values.indexOf(value);
    if (i < 0) {
      return 0;
    }
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }

  /** The probability of any of the values. */
  double share(List<String> any) {
    return any.stream().mapToDouble(this::share).sum();
  }

  /** Collects weights; adding a value twice adds to its weight. */
  static final class Builder {
    private final Map<String, Double> weights = new LinkedHashMap<>();

    Builder add(String value, double weight) {
      weights.merge(value, Math.max(0, weight), Double::sum);
      return this;
    }

    Weights build() {
      return new Weights(weights);
    }
  }
}
