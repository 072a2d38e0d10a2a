package org.tashil.reports.model;

/** A settlement's place by M0, 1 = most deprived, among the settlements that have an M0. */
public record Rank(int position, int among) {

  public Rank {
    if (position < 1 || position > among) {
      throw new IllegalArgumentException("a rank is 1–" + among + ", not " + position);
    }
  }
}
