package org.tashil.aggregate.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;

/**
 * The quality flags' rule on a hand-made history of new demands: 12 months before Aban 1405 for
 * each settlement, each alone in its office unless said otherwise.
 */
class TestQualityFlags {

  private static final Period ABAN = Period.parse("1405-08");
  private static final int[] USUAL = {8, 9, 10, 11, 12, 10, 9, 11, 10, 10, 12, 8};

  private static Map<String, Row> flags;

  @BeforeAll
  static void flag() {
    List<Row> settlements = new ArrayList<>();
    List<Row> offices = new ArrayList<>();
    // A spike: 60 new demands where 8 to 12 are usual.
    history(settlements, offices, "SPIKE", USUAL, 60);
    // A normal month.
    history(settlements, offices, "NORMAL", USUAL, 11);
    // Only five months before: nothing is flagged, however far off.
    history(settlements, offices, "YOUNG", new int[] {10, 10, 11, 9, 10}, 100);
    // A month whose demands file was missing (its 0 is no figure), and one whose file was
    // rejected: neither is compared.
    history(settlements, offices, "GAPS", USUAL, 11);
    replaceOffice(offices, "OF-GAPS", ABAN.minusMonths(3), "missing");
    replaceOffice(offices, "OF-GAPS", ABAN.minusMonths(7), "rejected");
    replaceSettlement(settlements, "GAPS", ABAN.minusMonths(3), 0);
    // This month's file is missing: no value, not an outlier.
    history(settlements, offices, "ABSENT", USUAL, 0);
    replaceOffice(offices, "OF-ABSENT", ABAN, "missing");
    // More than half the months alike: the MAD is 0, the mean absolute deviation steps in.
    history(
        settlements,
        offices,
        "MOSTLY_TEN",
        new int[] {10, 10, 10, 10, 10, 10, 10, 10, 12, 10, 10, 10},
        11);
    // Every month alike: any other value is flagged, with no score; the same value is not.
    history(settlements, offices, "ALWAYS_TEN", constant(10), 11);
    history(settlements, offices, "STILL_TEN", constant(10), 10);
    SparkSession spark = SparkTests.session();
    // Rows as the marts' rows are read: with their schema.
    List<Row> rows =
        QualityFlags.build(
                spark,
                ABAN,
                spark
                    .createDataFrame(
                        settlements, MartColumns.schema(QualityFlags.SETTLEMENT_INPUTS))
                    .collectAsList(),
                spark
                    .createDataFrame(offices, MartColumns.schema(QualityFlags.OFFICE_INPUTS))
                    .collectAsList())
            .collectAsList();
    assertThat(
            java.util.Arrays.stream(rows.get(0).schema().fields())
                .map(field -> field.name() + " " + field.dataType().simpleString()))
        .containsExactlyElementsOf(
            QualityFlags.COLUMNS.stream()
                .map(column -> column.name() + " " + column.type().simpleString())
                .toList());
    flags =
        rows.stream()
            .filter(row -> "new_demands".equals(row.getAs("measure")))
            .collect(
                Collectors.toMap(
                    row -> row.getAs("scope") + "/" + row.getAs("key"), Function.identity()));
  }

  private static int[] constant(int value) {
    int[] months = new int[12];
    java.util.Arrays.fill(months, value);
    return months;
  }

  /** The settlement's months before Aban (the last one last), then Aban's; its office's too. */
  private static void history(
      List<Row> settlements, List<Row> offices, String id, int[] before, int aban) {
    Period period = ABAN.minusMonths(before.length);
    for (int newDemands : before) {
      settlements.add(settlement(id, period, newDemands));
      offices.add(office("OF-" + id, period, "on_time"));
      period = period.plusMonths(1);
    }
    settlements.add(settlement(id, ABAN, aban));
    offices.add(office("OF-" + id, ABAN, "on_time"));
  }

  private static Row settlement(String id, Period period, int newDemands) {
    // surveys, new, resolved, activities, participants
    return RowFactory.create(
        id, "سکونتگاه " + id, id, "OF-" + id, 0, newDemands, 0, 0, 0L, period.toString());
  }

  private static Row office(String id, Period period, String demands) {
    return RowFactory.create(
        id, "دفتر " + id, id, true, "not_due", demands, "on_time", period.toString());
  }

  private static void replaceOffice(List<Row> offices, String id, Period period, String demands) {
    offices.removeIf(row -> id.equals(row.get(0)) && period.toString().equals(row.get(7)));
    offices.add(office(id, period, demands));
  }

  private static void replaceSettlement(
      List<Row> settlements, String id, Period period, int newDemands) {
    settlements.removeIf(row -> id.equals(row.get(0)) && period.toString().equals(row.get(9)));
    settlements.add(settlement(id, period, newDemands));
  }

  private static Row flag(String key) {
    return flags.get("settlement/" + key);
  }

  @Test
  void anObviousSpikeIsFlaggedWithItsUsualRange() {
    Row spike = flag("SPIKE");
    assertThat(spike.<Long>getAs("value")).isEqualTo(60L);
    assertThat(spike.<Double>getAs("median")).isEqualTo(10.0);
    // |x − 10| over the twelve months: 2,1,0,1,2,0,1,1,0,0,2,2 → median 1.
    assertThat(spike.<Double>getAs("mad")).isEqualTo(1.0);
    assertThat(spike.<Double>getAs("m")).isCloseTo(0.6745 * 50, within(1e-9));
    assertThat(spike.<Boolean>getAs("flagged")).isTrue();
    assertThat(spike.<Double>getAs("range_low")).isCloseTo(10 - 3.5 / 0.6745, within(1e-9));
    assertThat(spike.<Double>getAs("range_high")).isCloseTo(10 + 3.5 / 0.6745, within(1e-9));
    assertThat(spike.<Integer>getAs("months_compared")).isEqualTo(12);
    assertThat(spike.<String>getAs("first_compared")).isEqualTo("1404-08");
    assertThat(spike.<String>getAs("last_compared")).isEqualTo("1405-07");
    assertThat(spike.<String>getAs("period")).isEqualTo("1405-08");
    assertThat(spike.<String>getAs("office_id")).isEqualTo("OF-SPIKE");
    // The office, alone with its one settlement, has the same figures.
    assertThat(flags.get("office/OF-SPIKE").<Boolean>getAs("flagged")).isTrue();
    assertThat(flags.get("office/OF-SPIKE").<String>getAs("name_fa")).isEqualTo("دفتر OF-SPIKE");
  }

  @Test
  void aNormalMonthIsNotFlagged() {
    Row normal = flag("NORMAL");
    assertThat(normal.<Double>getAs("m")).isCloseTo(0.6745, within(1e-9));
    assertThat(normal.<Boolean>getAs("flagged")).isFalse();
  }

  @Test
  void fiveMonthsOfHistoryFlagNothing() {
    Row young = flag("YOUNG");
    assertThat(young.<Integer>getAs("months_compared")).isEqualTo(5);
    assertThat(young.<Long>getAs("value")).isEqualTo(100L);
    assertThat(young.<Double>getAs("m")).isGreaterThan(3.5);
    assertThat(young.<Boolean>getAs("flagged")).isFalse();
  }

  @Test
  void aMonthWhoseFileWasMissingOrRejectedIsNotCompared() {
    Row gaps = flag("GAPS");
    assertThat(gaps.<Integer>getAs("months_compared")).isEqualTo(10);
    // Without 1405-05 (missing, its 0) and 1405-01 (rejected): 8,9,10,11,12,9,11,10,12,8.
    assertThat(gaps.<Double>getAs("median")).isEqualTo(10.0);
    assertThat(gaps.<Boolean>getAs("flagged")).isFalse();
  }

  @Test
  void aMissingFileThisMonthIsNoValueAndNoOutlier() {
    Row absent = flag("ABSENT");
    assertThat(absent.<Long>getAs("value")).isNull();
    assertThat(absent.<Double>getAs("m")).isNull();
    assertThat(absent.<Boolean>getAs("flagged")).isFalse();
    assertThat(absent.<Integer>getAs("months_compared")).isEqualTo(12);
  }

  @Test
  void aMadOfZeroFallsBackToTheMeanAbsoluteDeviation() {
    Row mostly = flag("MOSTLY_TEN");
    assertThat(mostly.<Double>getAs("mad")).isZero();
    double spread = 1.253314 * (2.0 / 12);
    assertThat(mostly.<Double>getAs("m")).isCloseTo(1 / spread, within(1e-9));
    assertThat(mostly.<Double>getAs("range_high")).isCloseTo(10 + 3.5 * spread, within(1e-9));
    assertThat(mostly.<Boolean>getAs("flagged")).isTrue();
  }

  @Test
  void whenEveryMonthIsAlikeAnyOtherValueIsFlaggedWithoutAScore() {
    Row always = flag("ALWAYS_TEN");
    assertThat(always.<Double>getAs("m")).isNull();
    assertThat(always.<Double>getAs("range_low")).isEqualTo(10.0);
    assertThat(always.<Double>getAs("range_high")).isEqualTo(10.0);
    assertThat(always.<Boolean>getAs("flagged")).isTrue();
    assertThat(flag("STILL_TEN").<Boolean>getAs("flagged")).isFalse();
  }
}
