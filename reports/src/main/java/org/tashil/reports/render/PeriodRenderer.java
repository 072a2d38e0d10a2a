package org.tashil.reports.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.PeriodReports;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementReport;

/**
 * Renders every report of a period, in one JVM, in parallel: on a pool of rendering threads (one
 * per processor), each report then written on a pool of eight writing threads of its own:
 *
 * <pre>
 * &lt;reports&gt;/&lt;period&gt;/province.pdf
 * &lt;reports&gt;/&lt;period&gt;/settlements/&lt;settlement_id&gt;.pdf
 * &lt;reports&gt;/&lt;period&gt;/offices/&lt;office_id&gt;.pdf
 * &lt;reports&gt;/&lt;period&gt;/index.csv      file,kind,key,pages,sha256
 * </pre>
 *
 * Each file appears whole or not at all ({@link ReportFolder#write}), so a reader never opens half
 * a PDF.
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
    Function<Rendered, RenderedReport> writeUnlessFailed =
        pdf -> {
          if (failed.get()) {
            throw new CancellationException("another report failed");
          }
          return write(reports, folder, pdf);
        };
    try {
      // Each report rendered on the rendering threads, then written on the writing threads.
      List<Future<RenderedReport>> futures = new ArrayList<>();
      for (Pending report : pending) {
        futures.add(
            CompletableFuture.supplyAsync(() -> report.render(renderer), pool)
                .thenApplyAsync(writeUnlessFailed, writers));
      }
      List<RenderedReport> rendered = new ArrayList<>();
      for (Future<RenderedReport> future : futures) {
        rendered.add(await(future));
      }
      String index = folder + "/index.csv";
      reports.write(index, indexCsv(rendered).getBytes(StandardCharsets.UTF_8));
      return new RenderedPeriod(
          reports.location(folder),
          rendered,
          reports.location(index),
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
   * each office.
   */
  private List<Pending> reports(PeriodReports period, RenderContext context) {
    List<Pending> pending = new ArrayList<>();
    pending.add(
        new Pending(
            ReportKind.PROVINCE,
            "",
            () -> renderer.fill(period.province(), context),
            () -> Metadata.province(context)));
    for (SettlementReport settlement : period.settlements()) {
      pending.add(
          new Pending(
              ReportKind.SETTLEMENT,
              settlement.settlementId(),
              () -> renderer.fill(settlement, context),
              () -> Metadata.settlement(settlement, context)));
    }
    for (OfficeReport office : period.offices()) {
      pending.add(
          new Pending(
              ReportKind.OFFICE,
              office.officeId(),
              () -> renderer.fill(office, context),
              () -> Metadata.office(office, context)));
    }
    return pending;
  }

  /** A report to render: its kind and key, how to fill it, and its PDF's metadata. */
  private record Pending(
      ReportKind kind, String key, Supplier<JasperPrint> fill, Supplier<PdfMetadata> metadata) {

    Rendered render(ReportRenderer renderer) {
      JasperPrint print = fill.get();
      return new Rendered(
          kind.file(key, "pdf"),
          kind,
          key,
          print.getPages().size(),
          renderer.pdf(print, metadata.get()));
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

  private static RenderedReport await(Future<RenderedReport> future) {
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

  /** A report rendered, not yet written. */
  private record Rendered(String file, ReportKind kind, String key, int pages, byte[] pdf) {}

  private static RenderedReport write(ReportFolder reports, String folder, Rendered rendered) {
    reports.write(folder + "/" + rendered.file(), rendered.pdf());
    return new RenderedReport(
        rendered.file(), rendered.kind(), rendered.key(), rendered.pages(), sha256(rendered.pdf()));
  }

  /** {@code index.csv}: one line per file, in the order rendered. */
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
