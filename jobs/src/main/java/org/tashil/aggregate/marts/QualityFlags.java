package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;
import org.tashil.reports.model.Arrival;
import org.tashil.schema.OfficeDataset;

/**
 * {@code quality_flags}: month-over-month outliers in what each office and each settlement sends
 * (docs/indicators.md §10). For every office and settlement of the registry and every {@link
 * Measure}, this period's value beside the median of the same measure over the entity's last 12
 * periods before this one, and the modified z-score of Iglewicz and Hoaglin: {@code M = 0.6745 ·
 * (value − median) / MAD}, flagged when {@code |M| > 3.5} with at least 6 months to compare.
 *
 * <p>Missing is not zero: a month whose file of the measure's dataset was missing or rejected, or
 * whose office was not active, is no month of history, and such a month's own value is none (null)
 * and never flagged. When the MAD is 0 (more than half the months alike), the spread is 1.253314 ×
 * the mean absolute deviation instead; when that is 0 too (every month alike), M has no value (it
 * would be infinite) and any value other than the median is flagged.
 *
 * <p>The history is read from the {@code settlement_month} and {@code office_month} marts of the
 * earlier periods as aggregate last wrote them: a period never aggregated is not compared.
 */
public final class QualityFlags {

  public static final String NAME = "quality_flags";

  /** How many periods before this one are compared. */
  public static final int HISTORY = 12;

  /** How many months of history a flag needs. */
  public static final int MIN_HISTORY = 6;

  /** |M| above this is flagged. */
  public static final double THRESHOLD = 3.5;

  /** The MAD of a normal distribution is 0.6745 σ. */
  static final double MAD_FACTOR = 0.6745;

  /** The mean absolute deviation of a normal distribution is σ / 1.253314. */
  static final double MEAN_DEVIATION_FACTOR = 1.253314;

  public static final String OFFICE_SCOPE = "office";
  public static final String SETTLEMENT_SCOPE = "settlement";

  /** What is compared month over month: what arrives from the offices. */
  public enum Measure {
    /** Households rows accepted in the period. */
    SURVEYS(OfficeDataset.HOUSEHOLDS, IndicatorColumns.rowsAccepted(OfficeDataset.HOUSEHOLDS)),
    NEW_DEMANDS(OfficeDataset.DEMANDS, IndicatorColumns.DEMANDS_NEW),
    RESOLVED_DEMANDS(OfficeDataset.DEMANDS, IndicatorColumns.DEMANDS_RESOLVED),
    ACTIVITIES(OfficeDataset.ACTIVITIES, IndicatorColumns.ACTIVITIES),
    PARTICIPANTS(OfficeDataset.ACTIVITIES, IndicatorColumns.PARTICIPANTS);

    private final OfficeDataset dataset;
    private final MartColumn column;

    Measure(OfficeDataset dataset, MartColumn column) {
      this.dataset = dataset;
      this.column = column;
    }

    /** {@code new_demands}: as the mart writes it. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The file it comes from: a month without that file is not compared. */
    public OfficeDataset dataset() {
      return dataset;
    }

    /** Its column in {@code settlement_month}. */
    public MartColumn column() {
      return column;
    }
  }

  public static final MartColumn SCOPE =
      new MartColumn("scope", StringType, "office or settlement");
  public static final MartColumn KEY =
      new MartColumn("key", StringType, "the office's or the settlement's registry id");
  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office (for a settlement, the one serving it)");
  public static final MartColumn NAME_FA =
      new MartColumn("name_fa", StringType, "the office's or settlement's name in Persian");
  public static final MartColumn NAME_EN =
      new MartColumn("name_en", StringType, "the office's or settlement's name in English");
  public static final MartColumn MEASURE =
      new MartColumn(
          "measure",
          StringType,
          "surveys, new_demands, resolved_demands, activities or participants (§10)");
  public static final MartColumn DATASET =
      new MartColumn("dataset", StringType, "the file the measure comes from");
  public static final MartColumn VALUE =
      new MartColumn(
          "value",
          LongType,
          "the measure this period; none when its file is missing or rejected or the office inactive");
  public static final MartColumn MEDIAN =
      new MartColumn("median", DoubleType, "the median over the months compared");
  public static final MartColumn MAD =
      new MartColumn(
          "mad", DoubleType, "the median absolute deviation from that median (MAD) over them");
  public static final MartColumn RANGE_LOW =
      new MartColumn(
          "range_low", DoubleType, "the usual range's low end: median − 3.5 × spread, at least 0");
  public static final MartColumn RANGE_HIGH =
      new MartColumn(
          "range_high",
          DoubleType,
          "its high end: median + 3.5 × spread (spread = MAD / 0.6745, §10)");
  public static final MartColumn MONTHS_COMPARED =
      new MartColumn(
          "months_compared",
          IntegerType,
          "months of the 12 before with the file (missing or rejected ones are not compared)");
  public static final MartColumn FIRST_COMPARED =
      new MartColumn("first_compared", StringType, "the first period compared");
  public static final MartColumn LAST_COMPARED =
      new MartColumn("last_compared", StringType, "the last period compared");
  public static final MartColumn M =
      new MartColumn(
          "m",
          DoubleType,
          "the modified z-score (value − median) / spread; none without a value, history or spread");
  public static final MartColumn FLAGGED =
      new MartColumn(
          "flagged",
          BooleanType,
          "m above 3.5 or below −3.5, with at least 6 months compared (§10)");

  public static final List<MartColumn> COLUMNS =
      List.of(
          SCOPE,
          KEY,
          OFFICE_ID,
          NAME_FA,
          NAME_EN,
          MEASURE,
          DATASET,
          VALUE,
          MEDIAN,
          MAD,
          RANGE_LOW,
          RANGE_HIGH,
          MONTHS_COMPARED,
          FIRST_COMPARED,
          LAST_COMPARED,
          M,
          FLAGGED,
          MartColumns.PERIOD);

  /** What the mart reads of each period's {@code settlement_month}. */
  public static final List<MartColumn> SETTLEMENT_INPUTS = settlementInputs();

  /** What the mart reads of each period's {@code office_month}. */
  public static final List<MartColumn> OFFICE_INPUTS = officeInputs();

  private QualityFlags() {}

  /** The periods compared with {@code period}: the 12 before it. */
  public static PeriodRange historyPeriods(Period period) {
    return new PeriodRange(period.minusMonths(HISTORY), period.minusMonths(1));
  }

  /**
   * {@link #SETTLEMENT_INPUTS} or {@link #OFFICE_INPUTS} of a mart's rows; a column that marts an
   * earlier Tashil wrote lack (an office's arrivals) reads as null.
   */
  public static Dataset<Row> inputs(Dataset<Row> rows, List<MartColumn> inputs) {
    List<String> present = Arrays.asList(rows.columns());
    return rows.select(
        inputs.stream()
            .map(
                input ->
                    present.contains(input.name())
                        ? input.col()
                        : input.of(lit(null).cast(input.type())))
            .toArray(Column[]::new));
  }

  /**
   * The period's rows, from the {@link #SETTLEMENT_INPUTS} rows of {@code settlement_month} and the
   * {@link #OFFICE_INPUTS} rows of {@code office_month}, each of the period and of the periods
   * before it (the 12 before, when they were aggregated; any other is left out). Computed on the
   * driver: a few thousand small numbers, which a plan of Spark joins would take seconds to
   * schedule.
   */
  public static Dataset<Row> build(
      SparkSession spark, Period period, List<Row> settlementMonths, List<Row> officeMonths) {
    String current = period.toString();
    String first = period.minusMonths(HISTORY).toString();
    Predicate<String> compared =
        month -> month.compareTo(first) >= 0 && month.compareTo(current) <= 0;
    Map<String, Row> statuses = new HashMap<>();
    for (Row office : officeMonths) {
      String month = office.getAs(MartColumns.PERIOD.name());
      if (compared.test(month)) {
        statuses.put(office.getAs(OfficeMonth.OFFICE_ID.name()) + "/" + month, office);
      }
    }
    Map<String, Entity> entities = new TreeMap<>();
    Map<String, long[]> officeSums = new HashMap<>();
    for (Row settlement : settlementMonths) {
      String month = settlement.getAs(MartColumns.PERIOD.name());
      if (!compared.test(month)) {
        continue;
      }
      String office = settlement.getAs(SettlementMonth.OFFICE_ID.name());
      long[] values = new long[Measure.values().length];
      for (Measure measure : Measure.values()) {
        Number value = settlement.getAs(measure.column().name());
        values[measure.ordinal()] = value == null ? 0 : value.longValue();
      }
      entity(entities, SETTLEMENT_SCOPE, settlement.getAs(SettlementMonth.SETTLEMENT_ID.name()))
          .month(
              month, office, values, settlement, SettlementMonth.NAME_FA, SettlementMonth.NAME_EN);
      long[] sums =
          officeSums.computeIfAbsent(office + "/" + month, key -> new long[values.length]);
      for (int i = 0; i < values.length; i++) {
        sums[i] += values[i];
      }
    }
    for (Row office : statuses.values()) {
      String id = office.getAs(OfficeMonth.OFFICE_ID.name());
      String month = office.getAs(MartColumns.PERIOD.name());
      long[] values = officeSums.getOrDefault(id + "/" + month, new long[Measure.values().length]);
      entity(entities, OFFICE_SCOPE, id)
          .month(month, id, values, office, OfficeMonth.NAME_FA, OfficeMonth.NAME_EN);
    }
    List<Row> rows = new ArrayList<>();
    for (Entity entity : entities.values()) {
      Month now = entity.months.get(current);
      if (now == null) {
        continue;
      }
      for (Measure measure : Measure.values()) {
        List<Double> history = new ArrayList<>();
        List<String> months = new ArrayList<>();
        entity.months.forEach(
            (month, figures) -> {
              if (!month.equals(current)
                  && counted(statuses.get(figures.office + "/" + month), measure)) {
                history.add((double) figures.values[measure.ordinal()]);
                months.add(month);
              }
            });
        Long value =
            counted(statuses.get(now.office + "/" + current), measure)
                ? now.values[measure.ordinal()]
                : null;
        rows.add(flag(entity, now, measure, value, history, months, current));
      }
    }
    return spark.createDataFrame(rows, MartColumns.schema(COLUMNS));
  }

  /** One entity's row for one measure: its value beside its history, and whether it is flagged. */
  private static Row flag(
      Entity entity,
      Month now,
      Measure measure,
      Long value,
      List<Double> history,
      List<String> months,
      String period) {
    Double median = null;
    Double mad = null;
    Double low = null;
    Double high = null;
    Double score = null;
    boolean flagged = false;
    if (!history.isEmpty()) {
      double centre = median(history);
      List<Double> deviations = history.stream().map(x -> Math.abs(x - centre)).toList();
      double medianDeviation = median(deviations);
      double meanDeviation =
          deviations.stream().mapToDouble(Double::doubleValue).sum() / deviations.size();
      double spread =
          medianDeviation > 0
              ? medianDeviation / MAD_FACTOR
              : meanDeviation > 0 ? meanDeviation * MEAN_DEVIATION_FACTOR : 0;
      median = centre;
      mad = medianDeviation;
      low = Math.max(0, centre - THRESHOLD * spread);
      high = centre + THRESHOLD * spread;
      if (value != null && spread > 0) {
        score = (value - centre) / spread;
      }
      boolean outlier =
          value != null && (spread > 0 ? Math.abs(score) > THRESHOLD : value != centre);
      flagged = history.size() >= MIN_HISTORY && outlier;
    }
    return RowFactory.create(
        entity.scope,
        entity.key,
        now.office,
        now.nameFa,
        now.nameEn,
        measure.code(),
        measure.dataset().tableName(),
        value,
        median,
        mad,
        low,
        high,
        history.size(),
        months.isEmpty() ? null : months.get(0),
        months.isEmpty() ? null : months.get(months.size() - 1),
        score,
        flagged,
        period);
  }

  /** The median, interpolated between the two middle values of an even count. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Whether a month's figure of the measure is one to compare: its office was active and the file
   * of the measure's dataset arrived (on time or late). Households are sent only when surveys were
   * done: an active office without that file surveyed no one, which is a month of 0 surveys.
   */
  private static boolean counted(Row office, Measure measure) {
    if (office == null || !Boolean.TRUE.equals(office.getAs(OfficeMonth.ACTIVE.name()))) {
      return false;
    }
    String arrival = office.getAs(OfficeMonth.arrival(measure.dataset()).name());
    return OfficeMonth.arrivalCode(Arrival.ON_TIME).equals(arrival)
        || OfficeMonth.arrivalCode(Arrival.LATE).equals(arrival)
        || (measure.dataset() == OfficeDataset.HOUSEHOLDS
            && OfficeMonth.arrivalCode(Arrival.NOT_DUE).equals(arrival));
  }

  private static Entity entity(Map<String, Entity> entities, String scope, String key) {
    // Offices first, then settlements, each by id.
    return entities.computeIfAbsent(
        (scope.equals(OFFICE_SCOPE) ? "0/" : "1/") + key, sorted -> new Entity(scope, key));
  }

  /** An office or a settlement, with its figures by month (in month order). */
  private static final class Entity {
    final String scope;
    final String key;
    final Map<String, Month> months = new TreeMap<>();

    Entity(String scope, String key) {
      this.scope = scope;
      this.key = key;
    }

    void month(
        String month, String office, long[] values, Row row, MartColumn nameFa, MartColumn nameEn) {
      months.put(
          month, new Month(office, values, row.getAs(nameFa.name()), row.getAs(nameEn.name())));
    }
  }

  /** One month of an entity: its office then, its figures by measure, its names. */
  private record Month(String office, long[] values, String nameFa, String nameEn) {}

  private static List<MartColumn> settlementInputs() {
    List<MartColumn> inputs =
        new ArrayList<>(
            List.of(
                SettlementMonth.SETTLEMENT_ID,
                SettlementMonth.NAME_FA,
                SettlementMonth.NAME_EN,
                SettlementMonth.OFFICE_ID));
    for (Measure measure : Measure.values()) {
      inputs.add(measure.column());
    }
    inputs.add(MartColumns.PERIOD);
    return List.copyOf(inputs);
  }

  private static List<MartColumn> officeInputs() {
    List<MartColumn> inputs =
        new ArrayList<>(
            List.of(
                OfficeMonth.OFFICE_ID,
                OfficeMonth.NAME_FA,
                OfficeMonth.NAME_EN,
                OfficeMonth.ACTIVE));
    for (OfficeDataset dataset : OfficeDataset.values()) {
      inputs.add(OfficeMonth.arrival(dataset));
    }
    inputs.add(MartColumns.PERIOD);
    return List.copyOf(inputs);
  }
}
