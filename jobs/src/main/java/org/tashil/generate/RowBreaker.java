package org.tashil.generate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.tashil.reference.Registry;
import org.tashil.schema.Column;
import org.tashil.schema.ColumnType;
import org.tashil.schema.DatasetSchema;
import org.tashil.schema.OfficeDataset;

/**
 * Breaks about one row in a hundred of a messy file, each in one way the ingest must catch: an
 * unknown label, a number out of range, the impossible Jalali date 1405/07/31, an unknown
 * settlement, an empty required value, a duplicated key, a date after the period, a household in a
 * hazard zone without a relocation answer.
 */
final class RowBreaker {

  static final double SHARE = 0.01;

  /** One way to break a row. */
  enum Breakage {
    UNKNOWN_LABEL,
    OUT_OF_RANGE,
    IMPOSSIBLE_DATE,
    UNKNOWN_SETTLEMENT,
    EMPTY_REQUIRED,
    DUPLICATE_KEY,
    FUTURE_DATE,
    CONSENT_MISSING
  }

  private static final String UNKNOWN_LABEL = "نامعلوم";

  private final Registry registry;

  RowBreaker(Registry registry) {
    this.registry = registry;
  }

  /**
   * What breaking a file's rows did.
   *
   * @param count how many rows were broken (a duplicated key also rejects the row it copies)
   * @param touched the indexes of the rows broken and of the rows whose keys they copy, which
   *     another fault must leave alone for each row to be quarantined for one reason
   */
  record Broken(int count, BitSet touched) {}

  /**
   * Breaks rows in place.
   *
   * @param rows cells in schema order
   */
  Broken breakRows(
      OfficeDataset dataset, List<Object[]> rows, Month month, SplittableRandom random) {
    int broken = 0;
    BitSet touched = new BitSet();
    for (int i = 0; i < rows.size(); i++) {
      if (random.nextDouble() < SHARE) {
        Breakage breakage = pick(dataset, random);
        if (breakage == Breakage.DUPLICATE_KEY && i == 0) {
          breakage = Breakage.EMPTY_REQUIRED;
        }
        apply(breakage, dataset.schema(), rows, i, month, random);
        broken++;
        touched.set(i);
        if (breakage == Breakage.DUPLICATE_KEY) {
          touched.set(i - 1);
        }
      }
    }
    return new Broken(broken, touched);
  }

  private static Breakage pick(OfficeDataset dataset, SplittableRandom random) {
    List<Breakage> possible = new ArrayList<>(List.of(Breakage.values()));
    if (dataset != OfficeDataset.HOUSEHOLDS) {
      possible.remove(Breakage.CONSENT_MISSING);
    }
    return possible.get(random.nextInt(possible.size()));
  }

  private void apply(
      Breakage breakage,
      DatasetSchema schema,
      List<Object[]> rows,
      int index,
      Month month,
      SplittableRandom random) {
    Object[] row = rows.get(index);
    switch (breakage) {
      case UNKNOWN_LABEL ->
          row[pickColumn(schema, ColumnType.ENUM, random)] = new Verbatim(UNKNOWN_LABEL);
      case OUT_OF_RANGE -> {
        int column = pickColumn(schema, ColumnType.INTEGER, random);
        row[column] = schema.columns().get(column).max() + Draws.between(1, 60, random);
      }
      case IMPOSSIBLE_DATE ->
          row[pickColumn(schema, ColumnType.DATE, random)] =
              new Verbatim("%04d/07/31".formatted(month.period().year()));
      case UNKNOWN_SETTLEMENT -> {
        int column = schema.indexOf("settlement_id");
        row[column] = unknownSettlement(String.valueOf(row[column]), random);
      }
      case EMPTY_REQUIRED -> row[requiredColumn(schema, random)] = null;
      case DUPLICATE_KEY -> {
        int key = schema.indexOf(schema.keyColumn());
        row[key] = rows.get(index - 1)[key];
      }
      case FUTURE_DATE -> {
        int column = schema.indexOf(lastDateColumn(schema));
        row[column] = month.lastDay().plusDays(Draws.between(1, 30, random));
      }
      case CONSENT_MISSING -> {
        row[schema.indexOf("hazard_zone")] = "yes";
        row[schema.indexOf("relocation_consent")] = null;
      }
    }
  }

  /** A settlement id in the registry's shape that the registry does not have: {@code AHV-917}. */
  private String unknownSettlement(String written, SplittableRandom random) {
    String city = written.contains("-") ? written.substring(0, written.indexOf('-')) : "XXX";
    while (true) {
      String id = city + "-9" + "%02d".formatted(random.nextInt(100));
      if (registry.settlement(id).isEmpty()) {
        return id;
      }
    }
  }

  private static int pickColumn(DatasetSchema schema, ColumnType type, SplittableRandom random) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < schema.columns().size(); i++) {
      Column column = schema.columns().get(i);
      if (column.type() == type && column.isRequired()) {
        columns.add(i);
      }
    }
    return columns.get(random.nextInt(columns.size()));
  }

  /** A required column other than the key. */
  private static int requiredColumn(DatasetSchema schema, SplittableRandom random) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < schema.columns().size(); i++) {
      Column column = schema.columns().get(i);
      if (column.isRequired() && !column.name().equals(schema.keyColumn())) {
        columns.add(i);
      }
    }
    return columns.get(random.nextInt(columns.size()));
  }

  /** The date that must not be after the period: the survey day, the update, the meeting. */
  private static String lastDateColumn(DatasetSchema schema) {
    String last = null;
    for (Column column : schema.columns()) {
      if (column.type() == ColumnType.DATE && column.isRequired()) {
        last = column.name();
      }
    }
    return last;
  }
}
