package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.LocalFolders;
import org.tashil.SparkTests;
import org.tashil.text.PersonalValues;

/**
 * {@code tashil run} over an inbox of hostile files (src/test/resources/hostile, and the named
 * pipe, links, sparse files and workbook added here): the run ends on its own, every entry of every
 * office folder is accounted for in {@code submissions}, and no planted personal value is found
 * anywhere it wrote or printed: not in a warehouse file (Parquet written uncompressed), a run
 * record, stdout, stderr or a PDF's text.
 */
class TestHostileInbox {

  /** The personal values planted in the corpus, in every form they could be kept in. */
  private static final List<String> PLANTED =
      List.of(
          "6426212997", // a national id as a household code
          "09121234567", // a mobile number as a survey id, written in Persian digits
          "۰۹۱۲۱۲۳۴۵۶۷",
          "2752174888", // a national id shifted into members by a field too many
          "1112233", // a mobile number in a summary, written with spaces
          "111 2233",
          "۱۱۱ ۲۲۳۳",
          "3832364056", // a national id in a summary
          "۳۸۳۲۳۶۴۰۵۶",
          "33445566", // a landline in a summary
          "09131112222", // a mobile number as a demand id
          "4061358952", // a headerless file's first row: a national id, a phone, a name
          "9177654321",
          "زهرا کریمی",
          "09351239876", // a phone in a row an unclosed quote would have swallowed
          "0916123450", // personal columns, dropped
          "2223344", // a mobile number as a demand id, with no-break spaces between its groups
          "222\u00A03344",
          "0012345679", // a file named after a national id
          "رضا احمدی");

  private static final String PERIOD = "1405-08";

  @TempDir static Path temp;
  private static CommandResult result;
  private static String printed;

  @BeforeAll
  @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  static void runOverTheHostileInbox() throws Exception {
    Path inbox =
        LocalFolders.copy(Path.of("src/test/resources/hostile/inbox"), temp.resolve("inbox"));
    Path aban = inbox.resolve(PERIOD);
    addWhatCannotBeCommitted(aban);
    SparkSession spark = SparkTests.session();
    String codec = spark.conf().get("spark.sql.parquet.compression.codec");
    spark.conf().set("spark.sql.parquet.compression.codec", "uncompressed");
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(new Tee(console, out), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(console, err), true, StandardCharsets.UTF_8));
      result = tashil(Fixtures.runArguments(inbox, temp));
    } finally {
      System.setOut(out);
      System.setErr(err);
      spark.conf().set("spark.sql.parquet.compression.codec", codec);
    }
    printed = result.out() + result.err() + console.toString(StandardCharsets.UTF_8);
  }

  /**
   * The entries no repository should hold: a named pipe, links, sparse files of gigabytes, and a
   * workbook made here with a formula that has no computed value.
   */
  private static void addWhatCannotBeCommitted(Path aban) throws Exception {
    Path of03 = Files.createDirectories(aban.resolve("OF-03"));
    Files.write(of03.resolve("households.xlsx"), workbookWithAnUncomputedFormula());

    Path of04 = Files.createDirectories(aban.resolve("OF-04"));
    sparse(of04.resolve("photos-backup.zip"), 3L << 30);
    sparse(of04.resolve("demands.csv"), 300L << 20); // over the default 256 MiB
    Files.writeString(
        of04.resolve("activities.csv"),
        "activity_id,settlement_id,held_on,kind,participants,women_participants\n"
            + "A-40,AHV-004,1405/08/09,workshop,15,9\n");

    Path of05 = Files.createDirectories(aban.resolve("OF-05"));
    Process mkfifo = new ProcessBuilder("mkfifo", of05.resolve("demands.csv").toString()).start();
    assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
    Files.createSymbolicLink(of05.resolve("activities.csv"), Path.of("/dev/zero"));
    Files.createSymbolicLink(of05.resolve("households.csv"), of05.resolve("gone.csv"));
  }

  private static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(size);
    }
  }

  private static byte[] workbookWithAnUncomputedFormula() throws IOException {
    String[] header = {
      "survey_id",
      "household_code",
      "settlement_id",
      "surveyed_on",
      "members",
      "habitable_rooms",
      "head_sex",
      "head_age",
      "head_employed",
      "water",
      "sanitation",
      "electricity",
      "piped_gas",
      "walls",
      "tenure",
      "children_6_17",
      "children_in_school",
      "insured_members",
      "hazard_zone"
    };
    String[] values = {
      "S-30",
      "HH-3000",
      "AHV-003",
      "1405/08/02",
      "",
      "2",
      "m",
      "50",
      "yes",
      "tanker",
      "open",
      "metered",
      "no",
      "brick",
      "deed",
      "0",
      "0",
      "0",
      "no"
    };
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("households");
      XSSFRow first = sheet.createRow(0);
      XSSFRow second = sheet.createRow(1);
      for (int i = 0; i < header.length; i++) {
        first.createCell(i).setCellValue(header[i]);
        if (i == 4) {
          second.createCell(i).setCellFormula("2+2"); // saved without a computed value
        } else {
          second.createCell(i).setCellValue(values[i]);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void theRunEndsOnItsOwnAndSucceeds() {
    assertThat(result.exitCode()).as(printed).isZero();
    assertThat(result.out()).contains("run 1405-08: done in");
  }

  @Test
  void everyEntryOfEveryOfficeFolderIsAccountedFor() throws IOException {
    Path aban = temp.resolve("inbox").resolve(PERIOD);
    List<String> entries = new ArrayList<>();
    try (Stream<Path> offices = Files.list(aban)) {
      for (Path office : offices.sorted().toList()) {
        try (Stream<Path> files = Files.list(office)) {
          files
              .map(file -> PERIOD + "/" + office.getFileName() + "/" + file.getFileName())
              .map(PersonalValues::masked) // a name holding a national id is listed masked
              .forEach(entries::add);
        }
      }
    }
    Map<String, Row> submissions = submissions();
    assertThat(submissions.keySet()).containsExactlyInAnyOrderElementsOf(entries);
    for (Row row : submissions.values()) {
      assertThat(row.<Integer>getAs("rows_read"))
          .as(row.<String>getAs("file"))
          .isEqualTo(row.<Integer>getAs("rows_accepted") + row.<Integer>getAs("rows_quarantined"));
    }
  }

  @Test
  void eachClassOfFileGetsItsOwnOutcome() {
    Map<String, Row> submissions = submissions();
    assertOutcome(submissions, "OF-01/photos.zip", "ignored", "not a households, demands");
    assertOutcome(submissions, "OF-01/**********.jpg", "ignored", "not a households, demands");
    assertOutcome(submissions, "OF-04/photos-backup.zip", "ignored", "(3.0 GB)");
    assertOutcome(submissions, "OF-04/demands.csv", "rejected", "the file is 300 MB, larger than");
    assertOutcome(submissions, "OF-05/demands.csv", "rejected", "not a regular file");
    assertOutcome(submissions, "OF-05/activities.csv", "rejected", "a link to something outside");
    assertOutcome(submissions, "OF-05/households.csv", "rejected", "the file cannot be read");
    assertOutcome(
        submissions, "OF-02/households.csv", "rejected", "the first line has 7 columns and 0 of");
    assertOutcome(
        submissions, "OF-02/demands.csv", "rejected", "a quote (\") opened on line 2 is never");
    assertOutcome(submissions, "OF-02/activities.csv", "rejected", "line 2 has text after");
    assertThat(submissions.get(PERIOD + "/OF-02/households.csv").<Object>getAs("ignored_columns"))
        .asString()
        .as("a header that was not recognised is not listed")
        .doesNotContain("AHV-002");
    assertOutcome(submissions, "OF-01/demands.csv", "partial", "3 phone numbers or national ids");
    assertOutcome(submissions, "of-06/activities.csv", "accepted", "");
    assertThat(submissions.get(PERIOD + "/of-06/activities.csv").<String>getAs("office_id"))
        .isEqualTo("OF-06");
  }

  @Test
  void rowsGetTheirReasonsWithoutTheirPersonalValues() {
    List<String> households =
        strings(
            "SELECT concat(source_line, ' ', reason, ' ', coalesce(column, '-'), ' ', size(raw))"
                + " FROM quarantine_households ORDER BY source_file, source_line");
    assertThat(households)
        .contains(
            "3 PERSONAL_DATA household_code 20",
            "4 PERSONAL_DATA survey_id 20",
            "5 BAD_ROW - 0",
            "7 BAD_ROW - 0")
        .anyMatch(line -> line.startsWith("2 BAD_NUMBER members"));
    assertThat(strings("SELECT settlement_id FROM clean_households ORDER BY survey_id"))
        .containsExactly("AHV-001", "AHV-001");
    assertThat(
            strings(
                "SELECT concat(demand_id, ' ', agency_id, ' ', settlement_id, ' ', summary)"
                    + " FROM clean_demands ORDER BY demand_id"))
        .containsExactly(
            "D-1 water_wastewater AHV-001 لوله شکسته؛ تماس با 0916 *** **** یا کد ملی **********",
            "D-2 municipality AHV-001 call 061-********, ask for the trustee");
    assertThat(
            strings(
                "SELECT concat(reason, ' ', coalesce(column, '-'))"
                    + " FROM quarantine_demands ORDER BY source_line"))
        .containsExactly("PERSONAL_DATA demand_id", "BAD_ROW -", "PERSONAL_DATA demand_id");
  }

  @Test
  void noPlantedValueIsStoredAnywhereInTheWarehouse() throws IOException {
    Map<String, List<String>> hits = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(temp.resolve("warehouse"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        for (String value : PLANTED) {
          if (text.contains(value)) {
            hits.computeIfAbsent(value, v -> new ArrayList<>()).add(file.toString());
          }
        }
      }
    }
    assertThat(hits).as("planted values found in warehouse files").isEmpty();
    // The files are read as text: the test would find them if they were kept.
    assertThat(strings("SELECT summary FROM clean_demands")).anyMatch(s -> s.contains("****"));
  }

  @Test
  void noPlantedValueIsPrinted() {
    assertThat(printed).isNotBlank();
    for (String value : PLANTED) {
      assertThat(printed).as("stdout and stderr").doesNotContain(value);
    }
  }

  @Test
  void noPlantedValueIsInAReport() throws IOException {
    List<Path> pdfs;
    try (Stream<Path> files = Files.walk(temp.resolve("reports"))) {
      pdfs = files.filter(file -> file.toString().endsWith(".pdf")).toList();
    }
    assertThat(pdfs).hasSizeGreaterThan(100);
    // The feedback report of the office whose rows held the planted ids lists every such row.
    assertThat(pdfs).anyMatch(pdf -> pdf.endsWith(Path.of("offices", "OF-01.pdf")));
    for (Path pdf : pdfs) {
      String text;
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        text = new PDFTextStripper().getText(document);
      }
      for (String value : PLANTED) {
        // Persian reports print digits as Persian digits.
        assertThat(text)
            .as(pdf.toString())
            .doesNotContain(value)
            .doesNotContain(persianDigits(value));
      }
    }
  }

  private static String persianDigits(String text) {
    StringBuilder persian = new StringBuilder();
    for (char c : text.toCharArray()) {
      persian.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + c - '0') : c);
    }
    return persian.toString();
  }

  @Test
  void validateGivesAnOfficeTheSameReasonsInPersianAndEnglish() {
    Path office = temp.resolve("inbox").resolve(PERIOD).resolve("OF-01");
    List<List<String>> reasons = new ArrayList<>();
    for (String language : List.of("fa", "en")) {
      CommandResult validate =
          tashil(
              "validate",
              "--period",
              PERIOD,
              "--reference",
              Fixtures.REFERENCE.toString(),
              "--lang",
              language,
              office.toString());
      assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
      for (String value : PLANTED) {
        assertThat(validate.out()).as(language).doesNotContain(value);
      }
      // file:line  column  CODE, the part of each line that is not the message.
      reasons.add(
          validate
              .out()
              .lines()
              .filter(line -> line.matches("  \\S+:\\d+  .*"))
              .map(line -> String.join(" ", java.util.Arrays.copyOf(line.trim().split("  "), 3)))
              .toList());
    }
    assertThat(reasons.get(0))
        .isEqualTo(reasons.get(1))
        .contains(
            "households.csv:3 household_code PERSONAL_DATA",
            "households.csv:5 - BAD_ROW",
            "demands.csv:4 demand_id PERSONAL_DATA",
            "demands.csv:5 - BAD_ROW");
  }

  @Test
  void statusListsTheOfficesFilesWithoutOpeningWhatItMustNot() {
    CommandResult status =
        tashil(
            "status",
            "--period",
            PERIOD,
            "--inbox",
            temp.resolve("inbox").toString(),
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            Fixtures.REFERENCE.toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out().lines().filter(line -> line.startsWith("  OF-06 ")))
        .singleElement()
        .asString()
        .contains("in ");
    assertThat(status.out().lines().filter(line -> line.startsWith("  OF-05 ")))
        .singleElement()
        .asString()
        .contains("rejected");
  }

  private static void assertOutcome(
      Map<String, Row> submissions, String file, String status, String message) {
    Row row = submissions.get(PERIOD + "/" + file);
    assertThat(row).as(file).isNotNull();
    assertThat(row.<String>getAs("status")).as(file).isEqualTo(status);
    assertThat(row.<String>getAs("message")).as(file).contains(message);
  }

  private static Map<String, Row> submissions() {
    Map<String, Row> byFile = new LinkedHashMap<>();
    for (Row row :
        SparkTests.session()
            .read()
            .format("delta")
            .load(temp.resolve("warehouse/submissions").toString())
            .collectAsList()) {
      byFile.put(row.getAs("file"), row);
    }
    return byFile;
  }

  private static List<String> strings(String sql) {
    SparkSession spark = SparkTests.session();
    for (String table :
        List.of(
            "clean/households", "clean/demands", "quarantine/households", "quarantine/demands")) {
      spark
          .read()
          .format("delta")
          .load(temp.resolve("warehouse").resolve(table).toString())
          .createOrReplaceTempView(table.replace('/', '_'));
    }
    return spark.sql(sql).collectAsList().stream().map(row -> row.getString(0)).toList();
  }

  /** Writes to two streams: what is printed is both captured and still shown. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }
  }
}
