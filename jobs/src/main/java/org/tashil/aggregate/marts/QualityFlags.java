package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;
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

  private static final String ACTIVE = "status_active";
  private static final String ARRIVAL = "arrival";
  private static final String SPREAD = "spread";
  private static final String[] KEYS = {SCOPE.name(), KEY.name(), MEASURE.name()};

  private QualityFlags() {}

  /** The periods compared with {@code period}: the 12 before it. */
  public static Column historyPeriods(Period period) {
    Column column = MartColumns.PERIOD.col();
    return column
        .geq(lit(period.minusMonths(HISTORY).toString()))
        .and(column.lt(lit(period.toString())));
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
   * The period's rows, from the {@link #SETTLEMENT_INPUTS} of {@code settlement_month} and the
   * {@link #OFFICE_INPUTS} of {@code office_month}, each of the period and of the periods before it
   * (at least the 12 before, when they were aggregated; earlier ones are left out).
   */
  public static Dataset<Row> build(
      Period period, Dataset<Row> settlementMonths, Dataset<Row> officeMonths) {
    String officeId = OfficeMonth.OFFICE_ID.name();
    String periodColumn = MartColumns.PERIOD.name();
    List<Column> status = new ArrayList<>();
    status.add(OfficeMonth.OFFICE_ID.col());
    status.add(MartColumns.PERIOD.col());
    status.add(OfficeMonth.ACTIVE.col().as(ACTIVE));
    for (OfficeDataset dataset : OfficeDataset.values()) {
      status.add(OfficeMonth.arrival(dataset).col());
    }
    Dataset<Row> statuses = officeMonths.select(status.toArray(Column[]::new));

    Dataset<Row> settlements =
        settlementMonths.join(statuses, new String[] {officeId, periodColumn}, "left");
    List<Column> sums = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      sums.add(sum(measure.column().col()).as(measure.column().name()));
    }
    Dataset<Row> offices =
        officeMonths
            .select(
                OfficeMonth.OFFICE_ID.col(),
                OfficeMonth.NAME_FA.col(),
                OfficeMonth.NAME_EN.col(),
                MartColumns.PERIOD.col())
            .join(
                settlementMonths
                    .groupBy(SettlementMonth.OFFICE_ID.col(), MartColumns.PERIOD.col())
                    .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)),
                new String[] {officeId, periodColumn},
                "left")
            .join(statuses, new String[] {officeId, periodColumn}, "left");
    Dataset<Row> months =
        byMeasure(settlements, SETTLEMENT_SCOPE, SettlementMonth.SETTLEMENT_ID.col())
            .unionByName(byMeasure(offices, OFFICE_SCOPE, OfficeMonth.OFFICE_ID.col()));

    Dataset<Row> history =
        months
            .where(historyPeriods(period).and(VALUE.col().isNotNull()))
            .select(SCOPE.col(), KEY.col(), MEASURE.col(), VALUE.col(), MartColumns.PERIOD.col());
    Dataset<Row> centre =
        history
            .groupBy(SCOPE.col(), KEY.col(), MEASURE.col())
            .agg(
                MEDIAN.of(percentile(VALUE.col(), lit(0.5))),
                MONTHS_COMPARED.of(count(lit(1)).cast("int")),
                FIRST_COMPARED.of(min(MartColumns.PERIOD.col())),
                LAST_COMPARED.of(max(MartColumns.PERIOD.col())));
    Column deviation = abs(VALUE.col().minus(MEDIAN.col()));
    Dataset<Row> spread =
        history
            .join(centre, KEYS)
            .groupBy(SCOPE.col(), KEY.col(), MEASURE.col())
            .agg(MAD.of(percentile(deviation, lit(0.5))), avg(deviation).as("mean_deviation"));

    Column scale =
        when(MAD.col().gt(0), MAD.col().divide(MAD_FACTOR))
            .when(
                col("mean_deviation").gt(0), col("mean_deviation").multiply(MEAN_DEVIATION_FACTOR))
            .when(MEDIAN.col().isNotNull(), lit(0.0));
    Column enough = coalesce(MONTHS_COMPARED.col(), lit(0)).geq(MIN_HISTORY);
    Column score =
        when(
            VALUE.col().isNotNull().and(col(SPREAD).gt(0)),
            VALUE.col().minus(MEDIAN.col()).divide(col(SPREAD)));
    Column outlier =
        when(col(SPREAD).gt(0), abs(M.col()).gt(THRESHOLD))
            .otherwise(VALUE.col().cast("double").notEqual(MEDIAN.col()));
    Dataset<Row> flags =
        months
            .where(MartColumns.PERIOD.col().equalTo(lit(period.toString())))
            .drop(MartColumns.PERIOD.name())
            .join(centre.join(spread, KEYS), KEYS, "left")
            .withColumn(SPREAD, scale)
            .withColumn(
                RANGE_LOW.name(),
                when(
                    MEDIAN.col().isNotNull(),
                    greatest(lit(0.0), MEDIAN.col().minus(col(SPREAD).multiply(THRESHOLD)))))
            .withColumn(RANGE_HIGH.name(), MEDIAN.col().plus(col(SPREAD).multiply(THRESHOLD)))
            .withColumn(MONTHS_COMPARED.name(), coalesce(MONTHS_COMPARED.col(), lit(0)))
            .withColumn(M.name(), score)
            .withColumn(
                FLAGGED.name(),
                coalesce(enough.and(VALUE.col().isNotNull()).and(outlier), lit(false)))
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString()));
    return MartColumns.select(flags, COLUMNS);
  }

  /**
   * One row per entity, measure and period: the entity's value, or null when the month's file of
   * the measure's dataset did not arrive (missing, rejected) or the office was not active.
   */
  private static Dataset<Row> byMeasure(Dataset<Row> wide, String scope, Column key) {
    Dataset<Row> all = null;
    for (Measure measure : Measure.values()) {
      Column arrival = OfficeMonth.arrival(measure.dataset()).col();
      Column arrived =
          arrival.isin(
              OfficeMonth.arrivalCode(Arrival.ON_TIME), OfficeMonth.arrivalCode(Arrival.LATE));
      // Households are sent only when surveys were done: an active office without the file
      // surveyed no one, which is a month of 0 surveys.
      Column counted =
          coalesce(col(ACTIVE), lit(false))
              .and(
                  measure.dataset() == OfficeDataset.HOUSEHOLDS
                      ? arrived.or(arrival.equalTo(OfficeMonth.arrivalCode(Arrival.NOT_DUE)))
                      : arrived);
      Dataset<Row> rows =
          wide.select(
              SCOPE.of(lit(scope)),
              KEY.of(key),
              OFFICE_ID.of(SettlementMonth.OFFICE_ID.col()),
              NAME_FA.of(SettlementMonth.NAME_FA.col()),
              NAME_EN.of(SettlementMonth.NAME_EN.col()),
              MEASURE.of(lit(measure.code())),
              DATASET.of(lit(measure.dataset().tableName())),
              VALUE.of(
                  when(
                      coalesce(counted, lit(false)),
                      coalesce(measure.column().col().cast(LongType), lit(0L)))),
              MartColumns.PERIOD.col());
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

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
