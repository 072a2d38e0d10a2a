package org.tashil.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.bench.DuckDbPeer;
import org.tashil.bench.MartComparison;
import org.tashil.calendar.Period;
import org.tashil.cli.Tashil;
import org.tashil.ingest.FileChecker;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.IngestedRows;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine;

/**
 * The month's balance of open demands (docs/indicators.md §3.1): open at the start + new − resolved
 * − rejected − withdrawn + late added − late removed = open at the end, for every settlement,
 * county and the province. A hand-made province gives each kind of report sent late or corrected a
 * settlement of its own, so that each term moves as it should; a generated province, with its
 * missing and caught-up files, keeps the identity on every row.
 */
class TestDemandBalance {

  private static final String HEADER =
      "demand_id,settlement_id,registered_on,category,agency_id,households_affected,priority,"
          + "status,referred_on,closed_on,updated_on";

  @TempDir static Path root;
  private static Warehouse warehouse;

  /**
   * One settlement per kind of story a demands file can tell, all served by OF-A (S-SILENT by OF-B,
   * which sends no demands file in 1405-08); S-MOVED-FROM and S-MOVED-TO share the county Moves.
   */
  @BeforeAll
  static void ingestAndAggregateTwoMonths() throws IOException {
    Path reference = root.resolve("reference");
    write(
        reference.resolve("offices.csv"),
        "office_id,name_fa,name_en,county_en,opened_on,closed_on",
        "OF-A,دفتر آلفا,Alpha Office,Kinds,1400/01/01,",
        "OF-B,دفتر بتا,Beta Office,Kinds,1400/01/01,");
    write(
        reference.resolve("agencies.csv"),
        "agency_id,name_fa,name_en,sla_days",
        "ag-w,آب,Water,10");
    StringBuilder settlements =
        new StringBuilder(
            "settlement_id,name_fa,name_en,county_fa,county_en,city_fa,office_id,est_households,"
                + "est_population,hazard\n");
    for (String id :
        List.of(
            "S-ORDINARY",
            "S-REOPENED",
            "S-REDATED",
            "S-CLOSED-BEFORE",
            "S-LATE-OPEN",
            "S-LATE-RESOLVED",
            "S-LATE-CLOSED",
            "S-SILENT")) {
      settlements.append(id).append(",الف,").append(id).append(",انواع,Kinds,الف,");
      settlements.append(id.equals("S-SILENT") ? "OF-B" : "OF-A").append(",10,40,none\n");
    }
    for (String id : List.of("S-MOVED-FROM", "S-MOVED-TO")) {
      settlements.append(id).append(",ب,").append(id).append(",جابه‌جا,Moves,ب,OF-A,10,40,none\n");
    }
    Files.createDirectories(reference);
    Files.writeString(reference.resolve("settlements.csv"), settlements, StandardCharsets.UTF_8);

    Path inbox = root.resolve("inbox");
    write(
        inbox.resolve("1405-07/OF-A/demands.csv"),
        HEADER,
        // Open at both ends; resolved in 1405-08; registered and withdrawn in 1405-08 (below).
        "K-OPEN,S-ORDINARY,1405/07/05,water,ag-w,1,normal,registered,,,1405/07/05",
        "K-RESOLVED,S-ORDINARY,1405/07/10,water,ag-w,1,normal,registered,,,1405/07/10",
        // Resolved in 1405-07, reopened in 1405-08.
        "K-REOPENED,S-REOPENED,1405/07/01,water,ag-w,1,normal,resolved,1405/07/02,1405/07/20,"
            + "1405/07/20",
        // Open at 1405-07's end; its registration is corrected into 1405-08.
        "K-REDATED,S-REDATED,1405/07/25,water,ag-w,1,normal,registered,,,1405/07/25",
        // Open at 1405-07's end by its file; 1405-08's says it was resolved on 1405/07/28.
        "K-CLOSED-BEFORE,S-CLOSED-BEFORE,1405/07/03,water,ag-w,1,normal,registered,,,1405/07/03",
        // Open in S-MOVED-FROM; corrected to S-MOVED-TO in 1405-08.
        "K-MOVED,S-MOVED-FROM,1405/07/06,water,ag-w,1,normal,registered,,,1405/07/06");
    write(
        inbox.resolve("1405-07/OF-B/demands.csv"),
        HEADER,
        "K-SILENT,S-SILENT,1405/07/11,water,ag-w,1,normal,registered,,,1405/07/11");
    write(
        inbox.resolve("1405-08/OF-A/demands.csv"),
        HEADER,
        "K-RESOLVED,S-ORDINARY,1405/07/10,water,ag-w,1,normal,resolved,1405/08/01,1405/08/10,"
            + "1405/08/10",
        "K-NEW,S-ORDINARY,1405/08/03,water,ag-w,1,normal,registered,,,1405/08/03",
        "K-WITHDRAWN,S-ORDINARY,1405/08/04,water,ag-w,1,normal,withdrawn,,1405/08/09,1405/08/09",
        "K-REOPENED,S-REOPENED,1405/07/01,water,ag-w,1,normal,in_progress,1405/07/02,,1405/08/05",
        "K-REDATED,S-REDATED,1405/08/02,water,ag-w,1,normal,registered,,,1405/08/02",
        "K-CLOSED-BEFORE,S-CLOSED-BEFORE,1405/07/03,water,ag-w,1,normal,resolved,1405/07/04,"
            + "1405/07/28,1405/07/28",
        "K-MOVED,S-MOVED-TO,1405/07/06,water,ag-w,1,normal,registered,,,1405/08/03",
        // Reported first in 1405-08: registered in 1405-06 and open; registered in 1405-07 and
        // resolved in 1405-08; registered in 1405-06 and resolved in 1405-07.
        "L-OPEN,S-LATE-OPEN,1405/06/15,water,ag-w,1,normal,registered,,,1405/06/15",
        "L-RESOLVED,S-LATE-RESOLVED,1405/07/20,water,ag-w,1,normal,resolved,1405/07/21,"
            + "1405/08/12,1405/08/12",
        "L-CLOSED,S-LATE-CLOSED,1405/06/10,water,ag-w,1,normal,resolved,1405/06/11,1405/07/15,"
            + "1405/07/15");

    Registry registry = Registry.load(reference);
    warehouse = new Warehouse(SparkTests.session(), root.resolve("warehouse").toString());
    IngestJob ingest =
        new IngestJob(
            SparkTests.session(),
            registry,
            inbox.toString(),
            warehouse,
            FileChecker.DEFAULT_MAX_FILE_SIZE);
    AggregateJob aggregate = new AggregateJob(SparkTests.session(), registry, warehouse, 10);
    for (String month : List.of("1405-07", "1405-08")) {
      Period period = Period.parse(month);
      ingest.run(period, period.lastDay().plusDays(3));
      aggregate.run(IngestedRows.read(warehouse, period));
    }
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** The balance's terms of a row: start, new, resolved, rejected, withdrawn, +late, −late, end. */
  private static List<Integer> terms(Row row) {
    return List.of(
        row.<Integer>getAs("demands_open_start"),
        row.<Integer>getAs("demands_new"),
        row.<Integer>getAs("demands_resolved"),
        row.<Integer>getAs("demands_rejected"),
        row.<Integer>getAs("demands_withdrawn"),
        row.<Integer>getAs("demands_late_added"),
        row.<Integer>getAs("demands_late_removed"),
        row.<Integer>getAs("demands_open"));
  }

  private static Map<String, List<Integer>> settlements(String period) {
    return warehouse
        .read("marts/settlement_month")
        .where("period = '" + period + "'")
        .collectAsList()
        .stream()
        .collect(
            Collectors.toMap(row -> row.<String>getAs("settlement_id"), TestDemandBalance::terms));
  }

  private static Row only(String mart, String where) {
    List<Row> rows =
        warehouse.read("marts/" + mart).where("period = '1405-08' AND " + where).collectAsList();
    assertThat(rows).as(mart + " " + where).hasSize(1);
    return rows.get(0);
  }

  @Test
  void eachKindOfLateReportOrCorrectionMovesItsTerm() {
    Map<String, List<Integer>> august = settlements("1405-08");
    // start, new, resolved, rejected, withdrawn, +late, −late, end
    // Told as it happened: open at both ends, resolved, new and open, new and withdrawn.
    assertThat(august.get("S-ORDINARY")).containsExactly(2, 2, 1, 0, 1, 0, 0, 2);
    // Closed last month, reopened: open at the end without having been open at the start.
    assertThat(august.get("S-REOPENED")).containsExactly(0, 0, 0, 0, 0, 1, 0, 1);
    // Open at the start, now registered in this month: counted as new, and so once too many.
    assertThat(august.get("S-REDATED")).containsExactly(1, 1, 0, 0, 0, 0, 1, 1);
    // Open at the start by last month's file, closed last month by this month's.
    assertThat(august.get("S-CLOSED-BEFORE")).containsExactly(1, 0, 0, 0, 0, 0, 1, 0);
    // Moved: out of one settlement's open demands and into another's.
    assertThat(august.get("S-MOVED-FROM")).containsExactly(1, 0, 0, 0, 0, 0, 1, 0);
    assertThat(august.get("S-MOVED-TO")).containsExactly(0, 0, 0, 0, 0, 1, 0, 1);
    // Reported late: open, registered before the month; resolved this month, never open at a
    // month's end in a report; opened and closed before the month, in no term at all.
    assertThat(august.get("S-LATE-OPEN")).containsExactly(0, 0, 0, 0, 0, 1, 0, 1);
    assertThat(august.get("S-LATE-RESOLVED")).containsExactly(0, 0, 1, 0, 0, 1, 0, 0);
    assertThat(august.get("S-LATE-CLOSED")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
    // No file this month: the open demand stands as of last month's file.
    assertThat(august.get("S-SILENT")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void aDemandMovedWithinACountyChangesItsSettlementsBalanceNotTheCountys() {
    assertThat(terms(only("county_month", "county_en = 'Moves'")))
        .containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
    // Kinds: the seven settlements' terms added up (+3 reopened and late; −2 redated, closed).
    assertThat(terms(only("county_month", "county_en = 'Kinds'")))
        .containsExactly(5, 3, 2, 0, 1, 3, 2, 6);
    assertThat(terms(only("province_month", "true"))).containsExactly(6, 3, 2, 0, 1, 3, 2, 7);
  }

  @Test
  void theOpenDemandsAtTheStartAreThoseOfLastMonthsFigures() {
    Map<String, List<Integer>> july = settlements("1405-07");
    settlements("1405-08")
        .forEach(
            (settlement, terms) ->
                assertThat(terms.get(0)).as(settlement).isEqualTo(july.get(settlement).get(7)));
  }

  @Test
  void aSettlementWhoseOfficeSentNoFileSaysSoAndSinceWhen() {
    Row silent = only("settlement_month", "settlement_id = 'S-SILENT'");
    assertThat(silent.<String>getAs("demands_file")).isEqualTo("missing");
    assertThat(silent.<String>getAs("activities_file")).isEqualTo("missing");
    assertThat(silent.<String>getAs("demands_last_file_period")).isEqualTo("1405-07");
    Row ordinary = only("settlement_month", "settlement_id = 'S-ORDINARY'");
    assertThat(ordinary.<String>getAs("demands_file")).isEqualTo("on_time");
    assertThat(ordinary.<String>getAs("demands_last_file_period")).isEqualTo("1405-08");
    Row province = only("province_month", "true");
    assertThat(province.<Integer>getAs("offices_missing_demands")).isEqualTo(1);
    assertThat(province.<Integer>getAs("offices_missing_activities")).isEqualTo(2);
    Row kinds = only("county_month", "county_en = 'Kinds'");
    assertThat(kinds.<Integer>getAs("active_offices")).isEqualTo(2);
    assertThat(kinds.<Integer>getAs("offices_missing_demands")).isEqualTo(1);
    List<Row> trend =
        warehouse
            .read("marts/trend")
            .where("period = '1405-08' AND settlement_id = 'S-SILENT'")
            .orderBy("trend_period")
            .collectAsList();
    assertThat(trend)
        .extracting(row -> row.<Boolean>getAs("demands_file_missing"))
        .containsExactly(false, true);
  }

  @Test
  void theDuckDbPeerDefinesTheBalanceAlike() {
    Registry registry = Registry.load(root.resolve("reference"));
    for (String period : List.of("1405-07", "1405-08")) {
      DuckDbPeer.Result duckDb =
          DuckDbPeer.settlementMonth(
              SparkTests.session(), warehouse, registry, Period.parse(period));
      assertThat(MartComparison.settlementMonth(warehouse, duckDb).report())
          .as(period)
          .isEqualTo(
              "settlement_month: Spark and DuckDB agree on 10 rows × "
                  + DuckDbPeer.COLUMNS.size()
                  + " columns");
    }
  }

  @Test
  void theBalanceHoldsOnEveryRowOfAGeneratedProvince(@TempDir Path temp) {
    String inbox = temp.resolve("inbox").toString();
    String root = temp.resolve("warehouse").toString();
    String reference = Fixtures.REFERENCE.toString();
    String periods = "1405-06..1405-08";
    tashil(
        "generate",
        "--periods",
        periods,
        "--scale",
        "0.03",
        "--inbox",
        inbox,
        "--reference",
        reference);
    tashil(
        "ingest",
        "--period",
        periods,
        "--inbox",
        inbox,
        "--warehouse",
        root,
        "--reference",
        reference);
    tashil("aggregate", "--period", periods, "--warehouse", root, "--reference", reference);
    Warehouse generated = new Warehouse(SparkTests.session(), root);
    long lateAdded = 0;
    long lateRemoved = 0;
    for (String mart : List.of("settlement_month", "county_month", "province_month")) {
      List<Row> rows = generated.read("marts/" + mart).collectAsList();
      assertThat(rows).as(mart).hasSizeGreaterThan(0);
      for (Row row : rows) {
        List<Integer> t = terms(row);
        assertThat(t.get(0) + t.get(1) - t.get(2) - t.get(3) - t.get(4) + t.get(5) - t.get(6))
            .as(mart + " " + row)
            .isEqualTo(t.get(7));
        if (mart.equals("province_month")) {
          lateAdded += t.get(5);
          lateRemoved += t.get(6);
        }
      }
    }
    // The first month's backlog (demands registered before it), and offices that skip a month and
    // catch up in their next file: reported late.
    assertThat(lateAdded).isPositive();
    // Every period was ingested before any was aggregated: the start is last month's end.
    Map<String, Integer> openAtEnd =
        generated.read("marts/settlement_month").collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row -> row.<String>getAs("period") + " " + row.<String>getAs("settlement_id"),
                    row -> row.<Integer>getAs("demands_open")));
    for (Row row :
        generated.read("marts/settlement_month").where("period > '1405-06'").collectAsList()) {
      String previous =
          Period.parse(row.<String>getAs("period")).minusMonths(1)
              + " "
              + row.<String>getAs("settlement_id");
      assertThat(row.<Integer>getAs("demands_open_start")).isEqualTo(openAtEnd.get(previous));
    }
    assertThat(lateRemoved).isNotNegative();
    List<Row> missing =
        generated
            .read("marts/settlement_month")
            .where("demands_file IN ('missing', 'rejected')")
            .collectAsList();
    assertThat(missing).isNotEmpty();
  }

  private static void tashil(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Tashil.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute(args)).as(String.join(" ", args) + "\n" + err).isZero();
  }
}
