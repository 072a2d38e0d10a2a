package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.warehouse.Warehouse;

/**
 * The hand-made inbox plus every kind of bad file, through the real Spark ingest into real Delta
 * tables: every file has its submission, every row is accepted or quarantined, nothing personal is
 * stored, and re-ingesting replaces the period.
 */
class TestIngestJob {

  private static final Period ABAN = Period.parse("1405-08");
  private static final LocalDate FIRST_RUN = LocalDate.of(2026, 11, 25);
  private static final List<String> PLANTED =
      List.of("زهرا رحیم‌نژاد", "رضا کعبی‌پور", "09161234567", "1742589630", "علی احمدی");

  @TempDir static Path temp;
  private static Path inbox;
  private static Warehouse warehouse;
  private static IngestJob.Result result;

  @BeforeAll
  static void ingestTheInboxWithEveryKindOfBadFile() throws IOException {
    inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    Path aban = inbox.resolve("1405-08");
    Path of02 = Files.createDirectories(aban.resolve("OF-02"));
    Files.write(of02.resolve("demands.xlsx"), demandsWorkbook());
    Files.write(of02.resolve("households.csv"), new byte[0]);
    Files.writeString(
        of02.resolve("activities.csv"),
        "activity_id,settlement_id,held_on,kind,participants,women_participants\n");
    Path of03 = Files.createDirectories(aban.resolve("OF-03"));
    Files.write(of03.resolve("households.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    Files.writeString(of03.resolve("demands.csv"), "demand_id,settlement_id\nD-1,AHV-003\n");
    Files.write(
        of03.resolve("activities.xlsx"),
        "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1));
    Path of04 = Files.createDirectories(aban.resolve("OF-04"));
    Files.writeString(of04.resolve("activities.csv"), "x".repeat(10 * 1024 * 1024));
    Files.writeString(of04.resolve("notes.txt"), "call the office\n");
    Files.writeString(of04.resolve("demands.csv"), "demand_id\n");
    Files.write(of04.resolve("demands.xlsx"), demandsWorkbook());

    SparkSession spark = SparkTests.session();
    warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
    String codec = spark.conf().get("spark.sql.parquet.compression.codec");
    // Uncompressed Parquet, so that searching the written bytes for personal data means something.
    spark.conf().set("spark.sql.parquet.compression.codec", "uncompressed");
    try {
      result = ingest(FIRST_RUN);
    } finally {
      spark.conf().set("spark.sql.parquet.compression.codec", codec);
    }
  }

  private static IngestJob.Result ingest(LocalDate today) throws IOException {
    return new IngestJob(
            SparkTests.session(),
            Fixtures.registry(),
            inbox.toString(),
            warehouse,
            FileChecker.DEFAULT_MAX_FILE_SIZE)
        .run(ABAN, today);
  }

  private static long count(String sql) {
    return SparkTests.session().sql(sql).first().getLong(0);
  }

  private static void registerViews() {
    for (String[] table : warehouse.tables()) {
      warehouse.read(table[1]).createOrReplaceTempView(table[0]);
    }
  }

  @Test
  void everyFileHasItsSubmissionAndEveryRowIsAcceptedOrQuarantined() {
    registerViews();
    assertThat(count("SELECT count(*) FROM submissions WHERE period = '1405-08'")).isEqualTo(13);
    assertThat(
            count(
                "SELECT count(*) FROM submissions WHERE rows_read != rows_accepted + rows_quarantined"))
        .isZero();
    for (String dataset : List.of("households", "demands", "activities")) {
      long mismatches =
          count(
              "SELECT count(*) FROM submissions s"
                  + " LEFT JOIN (SELECT source_file, count(*) n FROM clean_"
                  + dataset
                  + " GROUP BY source_file) c ON c.source_file = s.file"
                  + " LEFT JOIN (SELECT source_file, count(*) n FROM quarantine_"
                  + dataset
                  + " GROUP BY source_file) q ON q.source_file = s.file"
                  + " WHERE s.dataset = '"
                  + dataset
                  + "'"
                  + " AND (coalesce(c.n, 0) != s.rows_accepted OR coalesce(q.n, 0) != s.rows_quarantined)");
      assertThat(mismatches).as(dataset).isZero();
    }
    assertThat(count("SELECT sum(rows_accepted) FROM submissions WHERE dataset = 'households'"))
        .isEqualTo(4);
    assertThat(count("SELECT count(*) FROM clean_households")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM quarantine_households")).isEqualTo(7);
  }

  @Test
  void eachBadFileIsRejectedWithAClearMessage() {
    registerViews();
    List<String> rejected =
        SparkTests.session()
            .sql("SELECT file, message FROM submissions WHERE status = 'rejected' ORDER BY file")
            .collectAsList()
            .stream()
            .map(row -> row.getString(0) + " | " + row.getString(1))
            .toList();
    assertThat(rejected)
        .hasSize(7)
        .anySatisfy(
            line -> assertThat(line).startsWith("1405-08/OF-02/households.csv | the file is empty"))
        .anySatisfy(
            line ->
                assertThat(line).startsWith("1405-08/OF-03/households.csv | the file is not text"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "1405-08/OF-03/demands.csv | the first line has 2 columns and 2 of the"
                            + " required ones; missing: registered_on, category"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "1405-08/OF-03/activities.xlsx | the file cannot be opened as an Excel workbook"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "1405-08/OF-04/activities.csv | a cell ending on line 1 is longer than"
                            + " 100000 characters"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("1405-08/OF-04/demands.csv | the office sent 2 files for demands"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "1405-08/OF-04/demands.xlsx | the office sent 2 files for demands"));
    assertThat(
            SparkTests.session()
                .sql("SELECT dataset, sha256, message FROM submissions WHERE status = 'ignored'")
                .collectAsList())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.getString(0)).isEqualTo("unknown");
              assertThat(row.getString(1)).as("never opened, so no checksum").isNull();
              assertThat(row.getString(2))
                  .startsWith("not a households, demands or activities file (.csv or .xlsx)");
            });
    Row headerOnly =
        SparkTests.session()
            .sql(
                "SELECT status, rows_read, message FROM submissions WHERE file = '1405-08/OF-02/activities.csv'")
            .first();
    assertThat(headerOnly.getString(0)).isEqualTo("accepted");
    assertThat(headerOnly.getInt(1)).isZero();
    assertThat(headerOnly.getString(2)).isEqualTo("the file has a header line and no rows");
  }

  @Test
  void quarantineKeepsTheRowItsLineAndEveryProblem() {
    registerViews();
    Row row =
        SparkTests.session()
            .sql(
                "SELECT reason, `column`, message, problems, raw['relocation_consent'], raw['children_in_school']"
                    + " FROM quarantine_households WHERE source_line = 7")
            .first();
    assertThat(row.getString(0)).isEqualTo("INCONSISTENT");
    assertThat(row.getString(1)).isEqualTo("children_in_school");
    assertThat(row.getString(2)).isEqualTo("children_in_school = 3 is more than children_6_17 = 2");
    assertThat(row.getList(3))
        .containsExactly("INCONSISTENT:children_in_school", "MISSING_REQUIRED:relocation_consent");
    assertThat(row.isNullAt(4)).isTrue();
    assertThat(row.getString(5)).isEqualTo("3");
  }

  @Test
  void cleanRowsAreTypedAndTraceable() {
    registerViews();
    Row demand =
        SparkTests.session()
            .sql(
                "SELECT registered_on, households_affected, status, summary, office_id, source_file, source_line"
                    + " FROM clean_demands WHERE demand_id = 'D-101' AND office_id = 'OF-01'")
            .first();
    assertThat((LocalDate) demand.getAs(0)).isEqualTo(LocalDate.of(2026, 10, 24));
    assertThat(demand.getInt(1)).isEqualTo(3);
    assertThat(demand.getString(2)).isEqualTo("referred");
    assertThat(demand.getString(3)).isEqualTo("=HYPERLINK(\"http://example.invalid\",\"x\")");
    assertThat(demand.getString(5)).isEqualTo("1405-08/OF-01/demands.csv");
    assertThat(demand.getInt(6)).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM clean_demands WHERE office_id = 'OF-02'")).isEqualTo(2);
  }

  @Test
  void personalDataAppearsNowhereInTheWarehouse() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(temp.resolve("warehouse"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String planted : PLANTED) {
        String encoded =
            new String(planted.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(file + " holds " + planted).doesNotContain(encoded);
      }
    }
    registerViews();
    for (String[] table : warehouse.tables()) {
      List<String> texts = new ArrayList<>();
      for (StructField field : warehouse.read(table[1]).schema().fields()) {
        String column = "`" + field.name() + "`";
        boolean nested = field.dataType().typeName().matches("map|array|struct");
        texts.add(
            "coalesce("
                + (nested ? "to_json(" + column + ")" : "cast(" + column + " AS string)")
                + ", '')");
      }
      String all =
          SparkTests.session()
              .sql(
                  "SELECT concat_ws('|', collect_list(concat_ws('|', "
                      + String.join(", ", texts)
                      + "))) FROM "
                      + table[0])
              .first()
              .getString(0);
      for (String planted : PLANTED) {
        assertThat(all).as(table[0]).doesNotContain(planted);
      }
    }
    assertThat(result.submissions())
        .filteredOn(s -> s.file().endsWith("OF-01/households.csv"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.droppedColumns())
                    .containsExactly("نام سرپرست", "تلفن همراه", "کد ملی"));
  }

  @Test
  void whatIngestHandsToAggregateIsWhatItCommitted() {
    IngestedRows read = IngestedRows.read(warehouse, ABAN);
    IngestedRows handed = result.rows();

    assertThat(handed.period()).isEqualTo(ABAN);
    for (String table : IngestedRows.TABLES) {
      assertThat(handed.table(table).collectAsList())
          .as(table)
          .containsExactlyInAnyOrderElementsOf(read.table(table).collectAsList());
      assertThat(handed.table(table).schema().fieldNames())
          .as(table)
          .containsExactly(read.table(table).schema().fieldNames());
    }
    assertThat(handed.accepted().collectAsList())
        .containsExactlyInAnyOrderElementsOf(read.accepted().collectAsList());
    // The fixture has rows of each kind, so the comparison above compares something.
    assertThat(read.table("quarantine/households").count()).isPositive();
    assertThat(read.table("clean/activities").count()).isPositive();
    assertThat(read.table("submissions").count()).isEqualTo(13);
    assertThat(
            read.accepted().collectAsList().stream()
                .filter(row -> row.getString(0).equals("households"))
                .mapToLong(row -> row.getLong(2))
                .sum())
        .isEqualTo(warehouse.readPeriod("clean/households", ABAN).count());
  }

  @Test
  void reIngestingReplacesThePeriodAndKeepsWhenEachFileWasFirstSeen() throws IOException {
    long cleanBefore = warehouse.read("clean/demands").count();
    ingest(FIRST_RUN.plusDays(3));
    registerViews();
    assertThat(warehouse.read("clean/demands").count()).isEqualTo(cleanBefore);
    assertThat(count("SELECT count(*) FROM submissions")).isEqualTo(13);
    assertThat(count("SELECT count(*) FROM submissions WHERE first_seen_on != DATE'2026-11-25'"))
        .isZero();
    assertThat(result.officesMissingFiles())
        .contains("OF-03 (demands, activities)", "OF-05 (demands, activities)");
  }

  /** Two valid demands of OF-02, with Persian status labels and a real date cell. */
  private static byte[] demandsWorkbook() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("مطالبات");
      String[] header = {
        "demand_id",
        "settlement_id",
        "registered_on",
        "category",
        "agency_id",
        "households_affected",
        "priority",
        "status",
        "referred_on",
        "closed_on",
        "updated_on"
      };
      XSSFRow first = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        first.createCell(i).setCellValue(header[i]);
      }
      var dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      Object[][] rows = {
        {
          "D-1",
          "AHV-002",
          LocalDate.of(2026, 10, 25),
          "water",
          "water_wastewater",
          30.0,
          "urgent",
          "ثبت شده",
          null,
          null,
          "1405/08/05"
        },
        {
          "D-2",
          "AHV-028",
          "1405/08/02",
          "waste",
          "municipality",
          4.0,
          "normal",
          "referred",
          "1405/08/03",
          null,
          "1405/08/03"
        }
      };
      for (int r = 0; r < rows.length; r++) {
        XSSFRow row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value instanceof String text) {
            row.createCell(c).setCellValue(text);
          } else if (value instanceof Double number) {
            row.createCell(c).setCellValue(number);
          } else if (value instanceof LocalDate date) {
            var cell = row.createCell(c);
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
