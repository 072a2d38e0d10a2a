package org.tashil.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.cli.Tashil;
import org.tashil.render.ReportFolders;
import org.tashil.reports.render.ReportFolder;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The same commands on three kinds of storage, against local mode on local folders (named by file:
 * URIs): the cluster jar on a real Spark standalone cluster (a Master, a Worker and its executors,
 * each a {@code java} process with Spark's jars only), submitted with spark-submit, with its inbox,
 * warehouse and reports on HDFS (a name node and a data node in this JVM); and local mode with its
 * inbox, warehouse and reports on S3 (an S3 service of its own process, through s3a). The marts
 * must hold the same rows and the PDFs the same figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

  /**
   * What both runs do, in order, on the generated inbox: the monthly run of two months (ingest,
   * aggregate and render each) in one submission.
   */
  private static final List<List<String>> COMMANDS =
      List.of(List.of("run", "--period", "1405-07..1405-08"));

  /** The period whose reports both runs render. */
  private static final String REPORTED = "1405-08";

  private static final String MAIN_CLASS = Tashil.class.getName();

  /**
   * Spark settings of the submissions: a month of a small province on a one-Worker cluster, as in
   * local mode (org.tashil.spark.Spark): few shuffle partitions and no re-planning (AQE), the Delta
   * log replayed in two tasks rather than 50, no per-file statistics.
   */
  private static final List<String> CLUSTER_CONF =
      List.of(
          "spark.ui.enabled=false",
          "spark.driver.host=127.0.0.1",
          "spark.driver.bindAddress=127.0.0.1",
          "spark.executor.memory=1g",
          "spark.sql.shuffle.partitions=2",
          "spark.sql.adaptive.enabled=false",
          "spark.locality.wait=0",
          "spark.databricks.delta.snapshotPartitions=2",
          "spark.databricks.delta.stats.collect=false",
          // One data node: one copy of each block, which HDFS would otherwise ask three of.
          "spark.hadoop.dfs.replication=1");

  /** The footer line of every page names the run and the generation date: they differ. */
  /**
   * A run id, {@code 20261128-082216-047-3905}, as the footer prints it; text extraction may give
   * its parts in either order inside a right-to-left line.
   */
  private static final Pattern RUN_ID =
      Pattern.compile("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4}|[0-9a-f]{4}-\\d{3}-\\d{6}-\\d{8}");

  private final Path work = Path.of(System.getProperty("tashil.cluster.work"));
  private final Path clusterJar = Path.of(System.getProperty("tashil.cluster.jar"));
  private final Path inbox = work.resolve("inbox");

  /** The local run names its folders as file: URIs, as a cron line may (other tests use paths). */
  private final Outputs local =
      new Outputs(
          inbox.toUri().toString(),
          work.resolve("local/warehouse").toUri().toString(),
          work.resolve("local/reports").toUri().toString(),
          work.resolve("local/reports").resolve(REPORTED));

  private MiniDFSCluster hdfs;
  private Outputs cluster;
  private StandaloneCluster standalone;
  private S3Service s3;
  private final Outputs onS3 =
      new Outputs(
          "s3a://tashil/inbox",
          "s3a://tashil/warehouse",
          "s3a://tashil/reports",
          work.resolve("s3/reports").resolve(REPORTED));

  /** The runs compared with local mode on local folders, by name. */
  private Outputs compared(String run) {
    return switch (run) {
      case "cluster on HDFS" -> cluster;
      case "local mode on S3" -> onS3;
      default -> throw new IllegalArgumentException(run);
    };
  }

  /**
   * Where one run reads and writes (a folder or a URI each), and where its reported period's PDFs
   * are to be looked at on this machine.
   */
  private record Outputs(String inbox, String warehouse, String reports, Path reported) {}

  /**
   * Generates the inbox, then runs the commands on the cluster and, at the same time (most of a
   * cluster run is waiting), in local mode in this JVM, on local folders, then on S3.
   */
  @BeforeAll
  void runOnTheClusterAndLocally() throws Exception {
    org.tashil.LocalFolders.delete(work);
    Files.createDirectories(work);
    execute(
        "generate",
        "--periods",
        "1405-07..1405-08",
        "--scale",
        "0.05",
        "--seed",
        "42",
        "--inbox",
        inbox.toString(),
        "--reference",
        Fixtures.REFERENCE.toString());

    // A file's arrival day is its modification day (docs/indicators.md §5): the copies on HDFS and
    // S3 are modified when copied, today, so the local files are too, and all three runs judge the
    // same files on time or late alike.
    java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.from(Instant.now());
    try (Stream<Path> files = Files.walk(inbox)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, now);
      }
    }
    startHdfs();
    FileSystem fs = hdfs.getFileSystem();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(inbox.toUri()), hadoopPath(cluster.inbox()));
    startS3();
    FileSystem s3Files = hadoopPath(onS3.inbox()).getFileSystem(s3Settings());
    s3Files.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(inbox.toUri()), hadoopPath(onS3.inbox()));

    ExecutorService localMode = Executors.newSingleThreadExecutor();
    Future<?> localRun =
        localMode.submit(
            () -> {
              SparkTests.session();
              for (List<String> command : COMMANDS) {
                execute(withStorage(command, local).toArray(String[]::new));
              }
              for (List<String> command : COMMANDS) {
                execute(withStorage(command, onS3).toArray(String[]::new));
              }
              s3Files.copyToLocalFile(
                  hadoopPath(onS3.reports() + "/" + REPORTED),
                  new org.apache.hadoop.fs.Path(onS3.reported().toUri()));
              return null;
            });
    localMode.shutdown();
    try {
      runOnTheCluster();
      fs.copyToLocalFile(
          hadoopPath(cluster.reports() + "/" + REPORTED),
          new org.apache.hadoop.fs.Path(cluster.reported().toUri()));
    } finally {
      stopTheCluster();
      try {
        localRun.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw (Exception) e.getCause();
      }
    }
  }

  /** A name node and a data node in this JVM, their files under the work folder. */
  private void startHdfs() throws IOException {
    Configuration configuration = new Configuration();
    configuration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(configuration).numDataNodes(1).build();
    hdfs.waitActive();
    String root = hdfs.getURI() + "/tashil";
    cluster =
        new Outputs(
            root + "/inbox",
            root + "/warehouse",
            root + "/reports",
            work.resolve("cluster/reports").resolve(REPORTED));
  }

  /**
   * The S3 service, and its s3a settings for every file system this JVM opens: Spark's (the session
   * may already exist) and the commands' own before Spark ({@code spark.hadoop.*} properties, as a
   * settings file or the JVM's options would give them).
   */
  private void startS3() throws IOException {
    s3 =
        S3Service.start(
            Path.of(System.getProperty("tashil.s3proxy.jar")), work.resolve("s3"), "tashil");
    s3.hadoopSettings()
        .forEach(
            (name, value) -> {
              System.setProperty("spark.hadoop." + name, value);
              SparkTests.session().sparkContext().hadoopConfiguration().set(name, value);
            });
  }

  private Configuration s3Settings() {
    Configuration configuration = new Configuration();
    s3.hadoopSettings().forEach(configuration::set);
    return configuration;
  }

  private static org.apache.hadoop.fs.Path hadoopPath(String uri) {
    return new org.apache.hadoop.fs.Path(uri);
  }

  private void runOnTheCluster() throws IOException, InterruptedException {
    SparkHome sparkHome =
        SparkHome.create(
            work.resolve("spark-home"),
            Path.of(System.getProperty("tashil.spark.classpath")),
            Path.of(System.getProperty("tashil.classpath")),
            System.getProperty("tashil.spark.shipped"));
    List<String> jvmOptions =
        new ArrayList<>(jvmOptions(Path.of(System.getProperty("tashil.jvm.options"))));
    // The launcher's JIT and collector, as in the JVMs the tests start: these runs last a minute.
    jvmOptions.addAll(org.tashil.Fixtures.LAUNCHER_JVM);
    standalone = StandaloneCluster.start(sparkHome, work.resolve("cluster-logs"), jvmOptions, 2);
    for (List<String> command : COMMANDS) {
      StandaloneCluster.Submission submission =
          standalone.submit(
              command.get(0), clusterJar, MAIN_CLASS, CLUSTER_CONF, withStorage(command, cluster));
      assertThat(submission.exitCode())
          .as("spark-submit %s:%n%s%n%s", command, submission.out(), submission.errTail())
          .isZero();
    }
  }

  @AfterAll
  void stopTheCluster() {
    if (standalone != null) {
      standalone.close();
    }
  }

  @AfterAll
  void stopHdfs() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @AfterAll
  void stopS3() {
    if (s3 != null) {
      s3.hadoopSettings()
          .keySet()
          .forEach(
              name -> {
                System.clearProperty("spark.hadoop." + name);
                SparkTests.session().sparkContext().hadoopConfiguration().unset(name);
              });
      s3.close();
    }
  }

  /**
   * A report written again replaces the old one, whole, and a half-written file a killed render
   * left behind is removed by the next render: on HDFS by a rename over the old file, on S3 by an
   * upload under the file's own name.
   */
  /** {@code hdfs:///path}, as a cluster whose default file system is HDFS may name a folder. */
  @Test
  void aReportFolderWithoutItsNameNodeIsOnTheDefaultFileSystem() {
    Configuration settings = new Configuration();
    settings.set("fs.defaultFS", hdfs.getURI().toString());
    ReportFolder folder = ReportFolders.at("hdfs:///tashil/default-fs", settings);
    assertThat(folder.location("1405-08")).isEqualTo(hdfs.getURI() + "/tashil/default-fs/1405-08");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cluster on HDFS", "local mode on S3"})
  void aReportWrittenAgainReplacesTheOldOneAndALeftoverPartGoes(String run) throws IOException {
    String root = compared(run).reports() + "/again";
    Configuration settings = s3Settings();
    FileSystem fs = hadoopPath(root).getFileSystem(settings);
    ReportFolder folder = ReportFolders.at(root, settings);
    folder.prepare("1405-08");
    folder.write("1405-08/province.pdf", "first".getBytes(StandardCharsets.UTF_8));
    try (var out = fs.create(hadoopPath(root + "/1405-08/.province.pdf.killed.part"))) {
      out.write(1);
    }
    folder.prepare("1405-08");
    folder.write("1405-08/province.pdf", "second".getBytes(StandardCharsets.UTF_8));
    assertThat(folder.location("1405-08/province.pdf"))
        .isEqualTo(fs.makeQualified(hadoopPath(root + "/1405-08/province.pdf")).toString());
    try (var in = fs.open(hadoopPath(root + "/1405-08/province.pdf"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
    }
    assertThat(fs.listStatus(hadoopPath(root + "/1405-08")))
        .extracting(status -> status.getPath().getName())
        .containsExactly("province.pdf");
  }

  @Test
  void everySubmissionRanOnTheWorkersExecutors() throws IOException {
    try (Stream<Path> applications = Files.list(standalone.workerFolder())) {
      List<Path> folders = applications.filter(Files::isDirectory).toList();
      assertThat(folders).hasSize(COMMANDS.size());
      for (Path application : folders) {
        try (Stream<Path> files = Files.walk(application)) {
          assertThat(files.filter(file -> file.endsWith("stderr")))
              .as("executor logs of %s", application)
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void theInboxHasExcelFilesSoTheExecutorsReadWithPoi() throws IOException {
    try (Stream<Path> files = Files.walk(inbox)) {
      assertThat(files.filter(file -> file.toString().endsWith(".xlsx"))).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cluster on HDFS", "local mode on S3"})
  void writesTheSameMartsAsLocalMode(String run) {
    Warehouse clusterWarehouse = new Warehouse(SparkTests.session(), compared(run).warehouse());
    Warehouse localWarehouse = new Warehouse(SparkTests.session(), local.warehouse());
    List<String> marts = marts(localWarehouse);
    assertThat(marts).hasSizeGreaterThan(5);
    assertThat(marts(clusterWarehouse)).isEqualTo(marts);
    long rows = 0;
    for (String mart : marts) {
      Dataset<Row> expected = localWarehouse.read(mart);
      Dataset<Row> actual = clusterWarehouse.read(mart);
      assertThat(actual.schema()).as(mart).isEqualTo(expected.schema());
      List<String> expectedRows = expected.toJSON().collectAsList();
      assertThat(actual.toJSON().collectAsList())
          .as(mart)
          .containsExactlyInAnyOrderElementsOf(expectedRows);
      rows += expectedRows.size();
    }
    assertThat(rows).isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cluster on HDFS", "local mode on S3"})
  void rendersTheSameReportsWithTheSamePageCounts(String run) throws IOException {
    List<String> index = indexWithoutChecksums(local.reported());
    assertThat(index)
        .hasSizeGreaterThan(10)
        .anyMatch(line -> line.startsWith("province.pdf,province,,"))
        .anyMatch(line -> line.startsWith("offices/OF-01.pdf,office,OF-01,"));
    assertThat(indexWithoutChecksums(compared(run).reported())).isEqualTo(index);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cluster on HDFS", "local mode on S3"})
  void theProvinceReportReadsTheSameApartFromTheRun(String run) throws IOException {
    String expected = textWithoutRun(local.reported().resolve("province.pdf"));
    assertThat(expected).contains("۱۴۰۵");
    assertThat(textWithoutRun(compared(run).reported().resolve("province.pdf")))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cluster on HDFS", "local mode on S3"})
  void leftItsTablesRunsAndReportsThereWholeAndUnlocked(String run) throws IOException {
    Outputs outputs = compared(run);
    FileSystem fs = hadoopPath(outputs.warehouse()).getFileSystem(s3Settings());
    for (String table : List.of("clean/households", "marts/settlement_month", "submissions")) {
      assertThat(fs.exists(hadoopPath(outputs.warehouse() + "/" + table + "/_delta_log")))
          .as(table)
          .isTrue();
    }
    try (Stream<Path> runs =
        Files.list(Path.of(java.net.URI.create(local.warehouse() + "/runs")))) {
      assertThat(fs.listStatus(hadoopPath(outputs.warehouse() + "/runs")))
          .hasSize((int) runs.filter(record -> record.toString().endsWith(".json")).count())
          .isNotEmpty();
    }
    assertThat(fs.exists(hadoopPath(outputs.warehouse() + "/_tashil.lock"))).isFalse();
    List<String> reported = new ArrayList<>();
    var files = fs.listFiles(hadoopPath(outputs.reports() + "/" + REPORTED), true);
    while (files.hasNext()) {
      reported.add(files.next().getPath().getName());
    }
    assertThat(reported)
        .contains("province.pdf", "province.xlsx", "index.csv", "index.html")
        .noneMatch(name -> name.endsWith(".part"))
        // what the index lists, the index (instead of its header line) and the index page
        .hasSize(indexWithoutChecksums(local.reported()).size() + 1);
  }

  @Test
  void theClusterJarCarriesTheJobsAndWhatSparkLacks() throws IOException {
    try (JarFile jar = new JarFile(clusterJar.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(MAIN_CLASS);
      for (String carried :
          List.of(
              "org/tashil/cli/Tashil.class",
              "org/tashil/reports/render/PeriodRenderer.class",
              "io/delta/tables/DeltaTable.class",
              "io/delta/storage/LogStore.class",
              "net/sf/jasperreports/engine/JasperFillManager.class",
              "net/sf/jasperreports/pdf/JRPdfExporter.class",
              "picocli/CommandLine.class",
              "org/apache/poi/xssf/usermodel/XSSFWorkbook.class",
              "org/apache/commons/csv/CSVParser.class")) {
        assertThat(jar.getEntry(carried)).as(carried).isNotNull();
      }
      for (String left :
          List.of(
              "org/apache/spark/SparkContext.class",
              "org/apache/spark/sql/SparkSession.class",
              "scala/Option.class",
              "org/apache/hadoop/fs/FileSystem.class",
              "com/fasterxml/jackson/databind/ObjectMapper.class",
              "org/apache/logging/log4j/Logger.class",
              "org/duckdb/DuckDBDriver.class")) {
        assertThat(jar.getEntry(left)).as(left).isNull();
      }
    }
  }

  @Test
  void theClusterJarKeepsEveryJasperExtension() throws IOException {
    try (JarFile jar = new JarFile(clusterJar.toFile())) {
      String extensions =
          new String(
              jar.getInputStream(jar.getEntry("jasperreports_extension.properties")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(extensions)
          .contains("registry.factory.pdf=net.sf.jasperreports.pdf.PdfExtensionsRegistryFactory")
          .contains("registry.factory.charts=")
          .contains("registry.factory.tashil.fonts=")
          .contains("registry.factory.simple.font.families=");
    }
  }

  /** The command with the storage options it takes, pointing at one run's folders. */
  private List<String> withStorage(List<String> command, Outputs outputs) {
    CommandSpec spec = Tashil.commandLine().getSubcommands().get(command.get(0)).getCommandSpec();
    List<String> arguments = new ArrayList<>(command);
    addIfTaken(spec, arguments, "--inbox", outputs.inbox());
    addIfTaken(spec, arguments, "--warehouse", outputs.warehouse());
    addIfTaken(spec, arguments, "--reports", outputs.reports());
    addIfTaken(spec, arguments, "--reference", Fixtures.REFERENCE.toAbsolutePath().normalize());
    return arguments;
  }

  private static void addIfTaken(
      CommandSpec spec, List<String> arguments, String option, Object value) {
    if (spec.findOption(option) != null) {
      arguments.add(option);
      arguments.add(value.toString());
    }
  }

  private static void execute(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Tashil.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(arguments);
    assertThat(exitCode).as("tashil %s:%n%s%s", List.of(arguments), out, err).isZero();
  }

  private static List<String> jvmOptions(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** Every Delta table under marts/, as {@code marts/<name>}. */
  private static List<String> marts(Warehouse warehouse) {
    return warehouse.tables().stream()
        .map(table -> table[1])
        .filter(path -> path.startsWith("marts/"))
        .toList();
  }

  /** index.csv without its sha256 column: the PDFs' bytes differ by the run id and the date. */
  private static List<String> indexWithoutChecksums(Path reported) throws IOException {
    return Files.readAllLines(reported.resolve("index.csv")).stream()
        .map(line -> line.substring(0, line.lastIndexOf(',')))
        .toList();
  }

  private static String textWithoutRun(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(document);
      return text.lines()
          .filter(line -> !RUN_ID.matcher(line).find())
          .reduce("", (all, line) -> all + line + "\n");
    }
  }
}
