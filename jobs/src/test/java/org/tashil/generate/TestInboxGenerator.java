package org.tashil.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;
import org.tashil.cli.Tashil;
import org.tashil.ingest.CheckedFiles;
import org.tashil.ingest.FileOutcome;
import org.tashil.ingest.Note;
import org.tashil.ingest.QuarantinedRow;
import org.tashil.ingest.Submission;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;

class TestInboxGenerator {

  private static final Registry registry = Fixtures.registry();

  @Test
  void sameArgumentsGiveTheSameFiles(@TempDir Path first, @TempDir Path second) throws IOException {
    generate(first, "1405-07..1405-08", 0.03, 0.4);
    generate(second, "1405-07..1405-08", 0.03, 0.4);

    List<String> files = files(first);
    assertThat(files(second)).isEqualTo(files);
    assertThat(files).anyMatch(file -> file.endsWith(".xlsx"));
    for (String file : files) {
      byte[] one = Files.readAllBytes(first.resolve(file));
      byte[] other = Files.readAllBytes(second.resolve(file));
      if (file.endsWith(".csv")) {
        assertThat(other).as(file).isEqualTo(one);
      } else {
        assertThat(CheckedFiles.table(second.resolve(file)))
            .as(file)
            .isEqualTo(CheckedFiles.table(first.resolve(file)));
      }
    }
  }

  @Test
  void anotherSeedGivesOtherFiles(@TempDir Path first, @TempDir Path second) throws IOException {
    generate(first, new GeneratorSettings(Period.range(p("1405-08"), p("1405-08")), 0.03, 1, 0));
    generate(second, new GeneratorSettings(Period.range(p("1405-08"), p("1405-08")), 0.03, 2, 0));

    String file = "1405-08/OF-01/demands.csv";
    assertThat(Files.readAllBytes(second.resolve(file)))
        .isNotEqualTo(Files.readAllBytes(first.resolve(file)));
  }

  @Test
  void cleanInboxPassesEveryCheckWithTheVolumesOfTheScale(@TempDir Path inbox) throws IOException {
    double scale = 0.03;
    GenerationSummary summary = generate(inbox, "1405-06..1405-08", scale, 0);

    assertThat(summary.messyFiles()).isZero();
    assertThat(summary.brokenRows()).isZero();
    assertThat(summary.raggedRows()).isZero();
    assertThat(summary.unbalancedQuoteFiles()).isZero();
    for (String file : files(inbox)) {
      CsvText csv = CsvText.read(Files.readAllBytes(inbox.resolve(file)));
      assertThat(csv.ragged()).as(file).isEmpty();
      assertThat(csv.unclosedQuoteLine()).as(file).isZero();
    }
    for (Checked checked : checkAll(inbox)) {
      Submission submission = checked.outcome().submission();
      assertThat(submission.status()).as(checked.path()).isEqualTo(Submission.ACCEPTED);
      assertThat(submission.rowsQuarantined()).as(checked.path()).isZero();
      assertThat(submission.format()).isEqualTo("csv");
      assertThat(submission.encoding()).isEqualTo("UTF-8");
      assertThat(submission.delimiter()).isEqualTo("comma");
      assertThat(submission.droppedColumns()).isEmpty();
      assertThat(submission.ignoredColumns()).isEmpty();
      String header = Files.readAllLines(inbox.resolve(checked.path())).get(0);
      assertThat(header).isEqualTo(String.join(",", columnNames(checked.dataset())));
    }
    for (Period period : Period.range(p("1405-06"), p("1405-08"))) {
      List<Checked> files =
          checkAll(inbox).stream().filter(checked -> checked.period().equals(period)).toList();
      assertThat(accepted(files, OfficeDataset.HOUSEHOLDS))
          .as("households of " + period)
          .isBetween(
              (int) (HouseholdSurveys.PER_MONTH * scale * 0.6),
              (int) (HouseholdSurveys.PER_MONTH * scale * 1.4));
      assertThat(newDemands(files, period))
          .as("new demands of " + period)
          .isBetween(
              (int) (DemandBook.PER_MONTH * scale * 0.7),
              (int) (DemandBook.PER_MONTH * scale * 1.3));
      assertThat(accepted(files, OfficeDataset.ACTIVITIES))
          .as("activities of " + period)
          .isBetween(
              (int) (ActivityLog.PER_MONTH * scale * 0.6),
              (int) (ActivityLog.PER_MONTH * scale * 1.4));
      assertThat(accepted(files, OfficeDataset.DEMANDS))
          .as("demand rows of " + period)
          .isGreaterThan(newDemands(files, period));
    }
  }

  @Test
  void messyFilesAreReadWithAFewRowsQuarantined(@TempDir Path inbox) throws IOException {
    GenerationSummary summary = generate(inbox, "1405-06..1405-08", 0.03, 1);

    List<Checked> all = checkAll(inbox);
    assertThat(summary.messyFiles()).isEqualTo(all.size());
    int unbalanced = 0;
    int ragged = 0;
    int read = 0;
    int quarantined = 0;
    Set<String> encodings = new TreeSet<>();
    Set<String> formats = new TreeSet<>();
    Set<String> delimiters = new TreeSet<>();
    Set<String> dropped = new TreeSet<>();
    Set<String> ignored = new TreeSet<>();
    Set<String> problems = new TreeSet<>();
    for (Checked checked : all) {
      Submission submission = checked.outcome().submission();
      CsvText csv =
          checked.path().endsWith(".csv")
              ? CsvText.read(Files.readAllBytes(inbox.resolve(checked.path())))
              : null;
      if (csv != null && csv.unclosedQuoteLine() > 0) {
        // Rejected whole, naming the line where the quote opened: none of its rows is read.
        unbalanced++;
        assertThat(submission.status()).as(checked.path()).isEqualTo(Submission.REJECTED);
        assertThat(submission.notes())
            .as(checked.path())
            .contains(Note.of("file.unbalanced_quote", csv.unclosedQuoteLine()));
        assertThat(submission.rowsRead()).as(checked.path()).isZero();
        assertThat(checked.outcome().accepted()).as(checked.path()).isEmpty();
        assertThat(checked.outcome().quarantined()).as(checked.path()).isEmpty();
        continue;
      }
      assertThat(submission.status()).as(checked.path()).isNotEqualTo(Submission.REJECTED);
      if (csv != null) {
        // A ragged row is read and quarantined as BAD_ROW: one row like any other.
        Set<Integer> badRows =
            checked.outcome().quarantined().stream()
                .filter(
                    row -> row.problems().stream().anyMatch(p -> p.code() == ProblemCode.BAD_ROW))
                .map(QuarantinedRow::line)
                .collect(Collectors.toSet());
        assertThat(badRows).as(checked.path()).isEqualTo(Set.copyOf(csv.ragged()));
        ragged += csv.ragged().size();
      }
      assertThat(submission.rowsRead())
          .as(checked.path())
          .isEqualTo(submission.rowsAccepted() + submission.rowsQuarantined());
      read += submission.rowsRead();
      quarantined += submission.rowsQuarantined();
      encodings.add(String.valueOf(submission.encoding()));
      formats.add(submission.format());
      delimiters.add(String.valueOf(submission.delimiter()));
      dropped.addAll(submission.droppedColumns());
      ignored.addAll(submission.ignoredColumns());
      for (QuarantinedRow row : checked.outcome().quarantined()) {
        assertThat(columnNames(checked.dataset())).containsAll(row.raw().keySet());
        row.problems().stream().map(Problem::code).map(Enum::name).forEach(problems::add);
      }
    }
    assertThat(unbalanced).isEqualTo(summary.unbalancedQuoteFiles());
    assertThat(ragged).isEqualTo(summary.raggedRows()).isPositive();
    assertThat(read).isEqualTo(summary.readableRows());
    assertThat(quarantined).isPositive();
    assertThat((double) quarantined / read).isLessThan(0.05);
    assertThat(encodings).contains("windows-1256", "UTF-8-BOM", "UTF-8");
    assertThat(formats).contains("csv", "xlsx");
    assertThat(delimiters).contains("comma", "semicolon", "tab");
    assertThat(dropped).contains("نام سرپرست", "تلفن همراه", "کد ملی");
    assertThat(ignored).contains("ملاحظات");
    assertThat(problems).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aFewMessyCsvFilesHaveARaggedRowOrTwo(@TempDir Path inbox) throws IOException {
    GenerationSummary summary = generate(inbox, "1404-09..1405-08", 0.02, 0.15);

    int raggedFiles = 0;
    int raggedRows = 0;
    for (String file : files(inbox)) {
      if (file.endsWith(".csv")) {
        CsvText csv = CsvText.read(Files.readAllBytes(inbox.resolve(file)));
        assertThat(csv.ragged()).as(file).hasSizeLessThanOrEqualTo(2);
        for (CsvText.Row row : csv.rows()) {
          assertThat(Math.abs(row.fields() - csv.headerFields())).as(file).isLessThanOrEqualTo(1);
        }
        raggedFiles += csv.ragged().isEmpty() ? 0 : 1;
        raggedRows += csv.ragged().size();
      }
    }
    assertThat(raggedRows).isEqualTo(summary.raggedRows()).isPositive();
    assertThat(raggedFiles).isLessThan(summary.messyFiles() / 5);
    assertThat(summary.unbalancedQuoteFiles()).isLessThanOrEqualTo(1);
  }

  @Test
  void aFewDemandsFilesHaveAQuoteThatNeverCloses(@TempDir Path inbox, @TempDir Path again)
      throws IOException {
    String periods = "1404-09..1405-08";
    GenerationSummary summary = generate(inbox, periods, 0.02, 1);

    Map<Period, List<String>> offices = new TreeMap<>();
    int unreadable = 0;
    for (String file : files(inbox)) {
      if (!file.endsWith(".csv")) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(inbox.resolve(file));
      CsvText csv = CsvText.read(bytes);
      if (csv.unclosedQuoteLine() > 0) {
        String[] parts = file.split("/");
        assertThat(parts[2]).isEqualTo("demands.csv");
        assertThat(csv.unclosedQuoteLine()).as(file).isGreaterThan(1);
        offices.computeIfAbsent(p(parts[0]), period -> new ArrayList<>()).add(parts[1]);
        unreadable += lines(bytes) - 1;
      }
    }
    assertThat(offices.values().stream().mapToInt(List::size).sum())
        .isEqualTo(summary.unbalancedQuoteFiles())
        .isPositive();
    assertThat(unreadable).isEqualTo(summary.unreadableRows());
    // Rare even when every file is messy: at most one file a period, most periods none, and never
    // the same office's demands two months running.
    assertThat(offices.values()).allMatch(list -> list.size() == 1);
    assertThat(offices.size()).isLessThan(summary.periods().size() / 2);
    for (Map.Entry<Period, List<String>> period : offices.entrySet()) {
      List<String> before = offices.getOrDefault(period.getKey().minusMonths(1), List.of());
      assertThat(before)
          .as(period.getKey().toString())
          .doesNotContainAnyElementsOf(period.getValue());
    }

    generate(again, periods, 0.02, 1);
    List<String> files = files(inbox);
    assertThat(files(again)).isEqualTo(files);
    for (String file : files) {
      if (file.endsWith(".csv")) {
        assertThat(Files.readAllBytes(again.resolve(file)))
            .as(file)
            .isEqualTo(Files.readAllBytes(inbox.resolve(file)));
      }
    }
  }

  @Test
  void everyPeriodHasAWindows1256FileWhenFilesMayBeMessy(@TempDir Path inbox) throws IOException {
    generate(inbox, "1405-05..1405-08", 0.02, 0.05);

    Map<Period, Long> windowsFiles =
        checkAll(inbox).stream()
            .filter(checked -> "windows-1256".equals(checked.outcome().submission().encoding()))
            .collect(Collectors.groupingBy(Checked::period, TreeMap::new, Collectors.counting()));
    assertThat(windowsFiles.keySet())
        .containsExactlyElementsOf(Period.range(p("1405-05"), p("1405-08")));
  }

  @Test
  void demandsMoveForwardAcrossPeriodsAndKeepTheirRegistrationDay(@TempDir Path inbox)
      throws IOException {
    generate(inbox, "1405-01..1405-06", 0.05, 0);

    int id = OfficeDataset.DEMANDS.schema().indexOf("demand_id");
    int status = OfficeDataset.DEMANDS.schema().indexOf("status");
    int registered = OfficeDataset.DEMANDS.schema().indexOf("registered_on");
    int updated = OfficeDataset.DEMANDS.schema().indexOf("updated_on");
    Map<String, List<Object[]>> versions = new TreeMap<>();
    for (Checked checked : checkAll(inbox)) {
      if (checked.dataset() == OfficeDataset.DEMANDS) {
        for (FileOutcome.CleanRow row : checked.outcome().accepted()) {
          versions
              .computeIfAbsent(
                  checked.officeId() + "/" + row.values()[id], key -> new ArrayList<>())
              .add(row.values());
        }
      }
    }
    assertThat(versions.values()).anyMatch(rows -> rows.size() >= 3);
    Map<String, Integer> rank =
        Map.of(
            "registered", 0,
            "referred", 1,
            "in_progress", 2,
            "resolved", 3,
            "rejected", 3,
            "withdrawn", 3);
    for (Map.Entry<String, List<Object[]>> demand : versions.entrySet()) {
      List<Object[]> rows = demand.getValue();
      for (int i = 1; i < rows.size(); i++) {
        Object[] before = rows.get(i - 1);
        Object[] after = rows.get(i);
        String key = demand.getKey();
        assertThat(after[registered]).as(key).isEqualTo(before[registered]);
        assertThat((LocalDate) after[updated]).as(key).isAfter((LocalDate) before[updated]);
        String from = (String) before[status];
        String to = (String) after[status];
        assertThat(rank.get(to))
            .as(key + ": " + from + " → " + to)
            .isGreaterThanOrEqualTo(rank.get(from));
        if (rank.get(from) == 3) {
          assertThat(to).as(key + " closed as " + from).isEqualTo(from);
        }
      }
    }
  }

  @Test
  void onlyActiveOfficesGetAFolder(@TempDir Path inbox) throws IOException {
    generate(inbox, "1405-08..1405-10", 0.02, 0);

    for (Period period : Period.range(p("1405-08"), p("1405-10"))) {
      Set<String> active =
          registry.activeOffices(period).stream().map(Office::id).collect(Collectors.toSet());
      Set<String> folders;
      try (Stream<Path> list = Files.list(inbox.resolve(period.toString()))) {
        folders = list.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
      }
      assertThat(active).as(period.toString()).containsAll(folders);
      assertThat(folders.size()).as(period.toString()).isGreaterThan(active.size() - 3);
    }
    assertThat(inbox.resolve("1405-08/OF-20")).doesNotExist();
    assertThat(inbox.resolve("1405-10/OF-20")).exists();
    assertThat(inbox.resolve("1405-10/OF-22")).doesNotExist();
  }

  @Test
  void generatingAPeriodAgainReplacesItsFiles(@TempDir Path inbox, @TempDir Path fresh)
      throws IOException {
    generate(inbox, "1405-07..1405-08", 0.02, 1);
    generate(inbox, "1405-07..1405-08", 0.02, 0);
    generate(fresh, "1405-07..1405-08", 0.02, 0);

    assertThat(files(inbox)).isEqualTo(files(fresh));
    assertThat(files(inbox)).allMatch(file -> file.endsWith(".csv"));
  }

  @Test
  void settlementsDifferAsTheReportsSay(@TempDir Path inbox) throws IOException {
    generate(inbox, "1405-05..1405-08", 0.1, 0);

    Map<String, List<Object[]>> households = new TreeMap<>();
    for (Checked checked : checkAll(inbox)) {
      if (checked.dataset() == OfficeDataset.HOUSEHOLDS) {
        int settlement = OfficeDataset.HOUSEHOLDS.schema().indexOf("settlement_id");
        for (FileOutcome.CleanRow row : checked.outcome().accepted()) {
          households
              .computeIfAbsent((String) row.values()[settlement], key -> new ArrayList<>())
              .add(row.values());
        }
      }
    }
    // Hasirabad: hillside, landslide, tanker water, no deeds; Malashieh has no hazard zone.
    assertThat(share(households.get("AHV-001"), "water", "tanker"))
        .isGreaterThan(2 * share(households.get("AHV-003"), "water", "tanker"));
    assertThat(share(households.get("AHV-001"), "hazard_zone", "yes")).isGreaterThan(0.3);
    assertThat(share(households.get("AHV-003"), "hazard_zone", "yes")).isZero();
    assertThat(share(households.get("AHV-001"), "tenure", "occupied_informal", "none"))
        .isGreaterThan(0.6);
    // Kut-e Abdollah: open sewage.
    assertThat(share(households.get("KUT-001"), "sanitation", "open", "unimproved_pit"))
        .isGreaterThan(
            2 * share(households.get("AHV-012"), "sanitation", "open", "unimproved_pit"));
  }

  @Test
  void theCommandLineGenerates(@TempDir Path inbox) {
    CommandResult generated =
        generateCommand(inbox, "--periods", "1405-07..1405-08", "--scale", "0.02");

    assertThat(generated.exitCode()).isEqualTo(Tashil.OK);
    assertThat(inbox.resolve("1405-08/OF-01")).isDirectory();
    assertThat(generated.out()).contains("1405-07", "1405-08", "households", inbox.toString());
  }

  @Test
  void aBadShareIsAUsageError(@TempDir Path inbox) {
    CommandResult generated = generateCommand(inbox, "--messy", "1.5");

    assertThat(generated.exitCode()).isEqualTo(Tashil.USAGE);
    assertThat(generated.err()).contains("--messy must be from 0 to 1, not 1.5");
  }

  // ---------------------------------------------------------------------------------------------

  /** {@code tashil generate --inbox INBOX --reference … OPTIONS}, as the command line runs it. */
  private static CommandResult generateCommand(Path inbox, String... options) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "generate",
                "--inbox",
                inbox.toString(),
                "--reference",
                Fixtures.REFERENCE.toString()));
    arguments.addAll(List.of(options));
    return Fixtures.tashil(arguments.toArray(String[]::new));
  }

  private record Checked(
      Period period,
      String officeId,
      OfficeDataset dataset,
      String path,
      FileOutcome.Whole outcome) {}

  private static GenerationSummary generate(
      Path inbox, String periods, double scale, double messy) {
    return generate(
        inbox, new GeneratorSettings(PeriodRange.parse(periods).periods(), scale, 42, messy));
  }

  private static GenerationSummary generate(Path inbox, GeneratorSettings settings) {
    return new InboxGenerator(registry, settings).generate(inbox);
  }

  private static Period p(String text) {
    return Period.parse(text);
  }

  /** Every file of the inbox, as paths relative to it with forward slashes, sorted. */
  private static List<String> files(Path inbox) throws IOException {
    try (Stream<Path> paths = Files.walk(inbox)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> inbox.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Runs the ingest's own file check on every file of the inbox. */
  private static List<Checked> checkAll(Path inbox) throws IOException {
    List<Checked> checked = new ArrayList<>();
    for (String file : files(inbox)) {
      String[] parts = file.split("/");
      Period period = Period.parse(parts[0]);
      OfficeDataset dataset = OfficeDataset.ofFileName(parts[2]).orElseThrow();
      FileOutcome.Whole outcome =
          CheckedFiles.check(
              registry, period, inbox.resolve(parts[0]).resolve(parts[1]), parts[1], parts[2]);
      checked.add(new Checked(period, parts[1], dataset, file, outcome));
    }
    return checked;
  }

  private static int lines(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      lines += b == '\n' ? 1 : 0;
    }
    return lines;
  }

  /**
   * A CSV file of the inbox as this test reads it, apart from the ingest: decoded as UTF-8 (with or
   * without a byte order mark) or else Windows-1256, split by the delimiter the header has most of,
   * RFC 4180 quotes opening at the start of a field.
   *
   * @param rows the data records, by the line they start on
   * @param unclosedQuoteLine the line where a quote opens that the file never closes, or 0
   */
  private record CsvText(int headerFields, List<Row> rows, int unclosedQuoteLine) {

    record Row(int line, int fields) {}

    /** The lines of the records with more or fewer fields than the header. */
    List<Integer> ragged() {
      return rows.stream().filter(row -> row.fields() != headerFields).map(Row::line).toList();
    }

    static CsvText read(byte[] bytes) {
      String text = decode(bytes);
      String header = text.substring(0, Math.max(0, text.indexOf('\n')));
      char delimiter = ',';
      for (char candidate : new char[] {';', '\t'}) {
        if (count(header, candidate) > count(header, delimiter)) {
          delimiter = candidate;
        }
      }
      List<Row> records = new ArrayList<>();
      int line = 1;
      int recordLine = 1;
      int fields = 1;
      boolean fieldStart = true;
      int quoteLine = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoteLine > 0) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else if (c == '"') {
            quoteLine = 0;
          } else if (c == '\n') {
            line++;
          }
        } else if (c == '"' && fieldStart) {
          quoteLine = line;
        } else if (c == delimiter) {
          fields++;
          fieldStart = true;
          continue;
        } else if (c == '\n') {
          records.add(new Row(recordLine, fields));
          line++;
          recordLine = line;
          fields = 1;
          fieldStart = true;
          continue;
        }
        fieldStart = false;
      }
      if (quoteLine == 0 && !text.endsWith("\n") && !text.isEmpty()) {
        records.add(new Row(recordLine, fields));
      }
      return new CsvText(
          records.isEmpty() ? 0 : records.get(0).fields(),
          records.isEmpty() ? List.of() : records.subList(1, records.size()),
          quoteLine);
    }

    private static String decode(byte[] bytes) {
      int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0;
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
            .toString();
      } catch (CharacterCodingException e) {
        return new String(bytes, Charset.forName("windows-1256"));
      }
    }

    private static long count(String text, char c) {
      return text.chars().filter(x -> x == c).count();
    }
  }

  private static List<String> columnNames(OfficeDataset dataset) {
    return dataset.schema().columns().stream().map(Column::name).toList();
  }

  private static int accepted(List<Checked> files, OfficeDataset dataset) {
    return files.stream()
        .filter(checked -> checked.dataset() == dataset)
        .mapToInt(checked -> checked.outcome().submission().rowsAccepted())
        .sum();
  }

  private static int newDemands(List<Checked> files, Period period) {
    int registered = OfficeDataset.DEMANDS.schema().indexOf("registered_on");
    return (int)
        files.stream()
            .filter(checked -> checked.dataset() == OfficeDataset.DEMANDS)
            .flatMap(checked -> checked.outcome().accepted().stream())
            .filter(row -> period.contains((LocalDate) row.values()[registered]))
            .count();
  }

  private static double share(List<Object[]> households, String column, String... values) {
    int index = OfficeDataset.HOUSEHOLDS.schema().indexOf(column);
    Set<String> wanted = Set.of(values);
    return households.stream().filter(row -> wanted.contains(row[index])).count()
        / (double) households.size();
  }
}
