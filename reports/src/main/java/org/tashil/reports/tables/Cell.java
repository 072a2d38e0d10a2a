package org.tashil.reports.tables;

import static java.util.Objects.requireNonNull;

/**
 * One value of a report's table as its spreadsheet holds it: a number with its kind (a count, a
 * decimal, a fraction shown as a percentage), text, or one of the two marks the PDF prints instead
 * of a number: {@code *} for a share over too few households (its value must not appear anywhere)
 * and {@code —} where there is no value.
 */
public sealed interface Cell
    permits Cell.Count, Cell.Decimal, Cell.Fraction, Cell.Text, Cell.Suppressed, Cell.Missing {

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of cell, so a new kind breaks every writer at compile time. */
  interface Visitor<R> {
    R count(Count cell);

    R decimal(Decimal cell);

    R fraction(Fraction cell);

    R text(Text cell);

    R suppressed(Suppressed cell);

    R missing(Missing cell);
  }

  /** A whole number: households, demands, days, a rank. */
  record Count(long value) implements Cell {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.count(this);
    }
  }

  /** A measure with {@code places} decimals shown: median days (1), M0 (3). */
  record Decimal(double value, int places) implements Cell {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.decimal(this);
    }

    public Decimal {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("a decimal is a finite number, not " + value);
      }
      if (places < 0 || places > 6) {
        throw new IllegalArgumentException("0–6 decimal places, not " + places);
      }
    }
  }

  /** A share, 0.452 for 45.2%, shown as a percentage. */
  record Fraction(double value) implements Cell {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.fraction(this);
    }

    public Fraction {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("a fraction is a finite number, not " + value);
      }
    }
  }

  /** Words: a name, a label, an identifier, a Jalali month. */
  record Text(String text) implements Cell {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.text(this);
    }

    public Text {
      requireNonNull(text, "text");
    }
  }

  /** A household share over fewer households than the threshold: {@code *}, never its value. */
  record Suppressed() implements Cell {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.suppressed(this);
    }
  }

  /** No value (no denominator, nothing resolved): {@code —}. */
  record Missing() implements Cell {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.missing(this);
    }
  }
}
