package org.tashil.reports.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.JasperPrint;
import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.PeriodReports;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.tables.AgencyTables;
import org.tashil.reports.tables.OfficeTables;
import org.tashil.reports.tables.ProvinceTables;
import org.tashil.reports.tables.SettlementTables;
import org.tashil.reports.tables.Table;

/**
 * Renders every report of a period, in one JVM, in parallel: on a pool of rendering threads (one
 * per processor), each report then written on a pool of eight writing threads of its own:
 *
 * <pre>
 * &lt;reports&gt;/&lt;period&gt;/province.pdf, province.xlsx
 * &lt;reports&gt;/&lt;period&gt;/settlements/&lt;settlement_id&gt;.pdf, .xlsx
 * &lt;reports&gt;/&lt;period&gt;/agencies/&lt;agency_id&gt;.pdf, .xlsx
 * &lt;reports&gt;/&lt;period&gt;/offices/&lt;office_id&gt;.pdf, .xlsx
 * &lt;reports&gt;/&lt;period&gt;/index.csv      file,kind,key,pages,sha256
 * &lt;reports&gt;/&lt;period&gt;/index.html     the page linking them all, with key figures
 * </pre>
 *
 * A report whose kind has tables ({@link Pending#withTables}) gets its tables as an XLSX beside its
 * PDF, of the same name; {@code index.csv} lists it with its sheets as its pages. Each file appears
 * whole or not at all ({@link ReportFolder#write}), so a reader never opens half a PDF; {@code
 * index.html} is written last.
 */
public final class PeriodRenderer {

  /**
   * How many files are written at once, beside the rendering: writing waits on the file system (on
   * HDFS a file's close waits for its block to be reported, a fifth of a second or more), not on
   * the processors.
   */
  private static final int WRITERS = 8;

  /** The columns of {@code index.csv}. */
  public static final String INDEX_HEADER = "file,kind,key,pages,sha256";

  private final ReportRenderer renderer;
  private final int threads;

  /** A renderer on as many threads as the machine has processors. */
  public PeriodRenderer(ReportRenderer renderer) {
    this(renderer, Runtime.getRuntime().availableProcessors());
  }

  public PeriodRenderer(ReportRenderer renderer, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one thread, not " + threads);
    }
    this.renderer = renderer;
    this.threads = threads;
  }

  /**
   * Writes every report of {@code context.period()} under {@code reportsRoot/<period>/}, then the
   * index. Returns what was written, province first.
   */
  public RenderedPeriod render(Path reportsRoot, RenderContext context, PeriodReports period) {
    return render(new LocalReportFolder(reportsRoot), context, period);
  }

  /**
   * Writes every report of {@code context.period()} under {@code <period>/} of {@code reports},
   * then the index. Returns what was written, in {@link #reports}' order.
   */
  public RenderedPeriod render(ReportFolder reports, RenderContext context, PeriodReports period) {
    long started = System.nanoTime();
    String folder = context.period().toString();
    List<Pending> pending = reports(period, context);
    reports.prepare(folder);
    for (ReportKind kind : ReportKind.values()) {
      if (!kind.folder().isEmpty()) {
        reports.prepare(folder + "/" + kind.folder());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Threads("render"));
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS, new Threads("write"));
    // Set when a report fails: the writes not yet started are not started.
    AtomicBoolean failed = new AtomicBoolean();
    Function<List<Rendered>, List<RenderedReport>> writeUnlessFailed =
        files -> {
          if (failed.get()) {
            throw new CancellationException("another report failed");
          }
          return write(reports, folder, files);
        };
    try {
      // Each report rendered on the rendering threads, then written on the writing threads.
      // The longest reports start first, so that none is left running alone at the end; the index
      // lists them in their own order all the same.
      Map<Pending, Future<List<RenderedReport>>> futures = new IdentityHashMap<>();
      pending.stream()
          .sorted(Comparator.comparingInt(Pending::work).reversed())
          .forEach(
              report ->
                  futures.put(
                      report,
                      CompletableFuture.supplyAsync(() -> report.render(renderer, context), pool)
                          .thenApplyAsync(writeUnlessFailed, writers)));
      List<RenderedReport> rendered = new ArrayList<>();
      for (Pending report : pending) {
        rendered.addAll(await(futures.get(report)));
      }
      String index = folder + "/index.csv";
      reports.write(index, indexCsv(rendered).getBytes(StandardCharsets.UTF_8));
      String page = folder + "/index.html";
      reports.write(
          page, IndexPage.html(period, rendered, context).getBytes(StandardCharsets.UTF_8));
      return new RenderedPeriod(
          reports.location(folder),
          rendered,
          reports.location(index),
          reports.location(page),
          Duration.ofNanos(System.nanoTime() - started));
    } catch (RuntimeException | Error e) {
      failed.set(true);
      throw e;
    } finally {
      // After a failure no rendering or write starts, and those under way end (or two minutes pass
      // for each pool) before the caller goes on and lets the warehouse go.
      pool.shutdownNow();
      awaitTermination(pool);
      writers.shutdown();
      awaitTermination(writers);
    }
  }

  /**
   * Every report of the period, not yet rendered: the province first, then each settlement, then
   * each agency, then each office; each with its tables (its kind's {@code …Tables} class).
   */
  private List<Pending> reports(PeriodReports period, RenderContext context) {
    List<Pending> pending = new ArrayList<>();
    pending.add(
        new Pending(
                ReportKind.PROVINCE,
                "",
                PROVINCE_WORK,
                () -> renderer.fill(period.province(), context),
                () -> Metadata.province(context))
            .withTables(() -> ProvinceTables.tables(period.province(), context)));
    for (SettlementReport settlement : period.settlements()) {
      pending.add(
          new Pending(
                  ReportKind.SETTLEMENT,
                  settlement.settlementId(),
                  SETTLEMENT_WORK,
                  () -> renderer.fill(settlement, context),
                  () -> Metadata.settlement(settlement, context))
              .withTables(() -> SettlementTables.tables(settlement, context)));
    }
    for (AgencyReport agency : period.agencies()) {
      pending.add(
          new Pending(
                  ReportKind.AGENCY,
                  agency.agencyId(),
                  agency.openDemands().size(),
                  () -> renderer.fill(agency, context),
                  () -> Metadata.agency(agency, context))
              .withTables(() -> AgencyTables.tables(agency, context)));
    }
    for (OfficeReport office : period.offices()) {
      pending.add(
          new Pending(
                  ReportKind.OFFICE,
                  office.officeId(),
                  OFFICE_WORK + office.rejectedRows().size(),
                  () -> renderer.fill(office, context),
                  () -> Metadata.office(office, context))
              .withTables(() -> OfficeTables.tables(office, context)));
    }
    return pending;
  }

  /**
   * About how long a report takes to render, in table rows of an agency's report: a settlement's
   * report takes as long as some 200 (its charts), the province's three times that.
   */
  private static final int SETTLEMENT_WORK = 200;

  private static final int PROVINCE_WORK = 600;

  /** An office's report without rejected rows takes about as long as a third of a settlement's. */
  private static final int OFFICE_WORK = 70;

  /**
   * A report to render: its kind and key, about how long it takes ({@code work}, to start the
   * longest first), how to fill it, its PDF's metadata, and its tables (null for a report without
   * an XLSX).
   */
  private record Pending(
      ReportKind kind,
      String key,
      int work,
      Supplier<JasperPrint> fill,
      Supplier<PdfMetadata> metadata,
      Supplier<List<Table>> tables) {

    Pending(
        ReportKind kind,
        String key,
        int work,
        Supplier<JasperPrint> fill,
        Supplier<PdfMetadata> metadata) {
      this(kind, key, work, fill, metadata, null);
    }

    /** The same report, with its tables written as an XLSX beside its PDF. */
    Pending withTables(Supplier<List<Table>> tables) {
      return new Pending(kind, key, work, fill, metadata, tables);
    }

    /** The PDF, then the XLSX when the report has tables. */
    List<Rendered> render(ReportRenderer renderer, RenderContext context) {
      JasperPrint print = fill.get();
      PdfMetadata pdfMetadata = metadata.get();
      List<Rendered> files = new ArrayList<>(2);
      files.add(
          new Rendered(
              kind.file(key, "pdf"),
              kind,
              key,
              print.getPages().size(),
              renderer.pdf(print, pdfMetadata)));
      if (tables != null) {
        List<Table> sheets = tables.get();
        files.add(
            new Rendered(
                kind.file(key, "xlsx"),
                kind,
                key,
                sheets.size(),
                TableWorkbook.xlsx(
                    sheets, context.language(), pdfMetadata, context.generatedOn())));
      }
      return files;
    }
  }

  private static void awaitTermination(ExecutorService threads) {
    try {
      if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportException("interrupted while rendering", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ReportException("rendering failed", e.getCause());
    }
  }

  /** A file rendered, not yet written: a PDF (pages) or an XLSX (sheets). */
  private record Rendered(String file, ReportKind kind, String key, int pages, byte[] bytes) {}

  private static List<RenderedReport> write(
      ReportFolder reports, String folder, List<Rendered> files) {
    List<RenderedReport> written = new ArrayList<>(files.size());
    for (Rendered rendered : files) {
      reports.write(folder + "/" + rendered.file(), rendered.bytes());
      written.add(
          new RenderedReport(
              rendered.file(),
              rendered.kind(),
              rendered.key(),
              rendered.pages(),
              sha256(rendered.bytes())));
    }
    return written;
  }

  /**
   * {@code index.csv}: one line per file, in the order rendered; an XLSX's pages are its sheets.
   */
  static String indexCsv(List<RenderedReport> reports) {
    StringBuilder csv = new StringBuilder(INDEX_HEADER + "\n");
    for (RenderedReport report : reports) {
      csv.append(report.file())
          .append(',')
          .append(report.kind().code())
          .append(',')
          .append(report.key())
          .append(',')
          .append(report.pages())
          .append(',')
          .append(report.sha256())
          .append('\n');
    }
    return csv.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Named daemon threads, so a stuck render never keeps the JVM alive. */
  private static final class Threads implements java.util.concurrent.ThreadFactory {
    private final String name;
    private int count;

    Threads(String name) {
      this.name = name;
    }

    @Override
    public synchronized Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "tashil-" + name + "-" + ++count);
      thread.setDaemon(true);
      return thread;
    }
  }
}
