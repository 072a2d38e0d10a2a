package org.tashil.reports.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sf.jasperreports.engine.JasperPrint;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementReport;

/**
 * Renders every report of a period, in one JVM, in parallel: on a pool of rendering threads (one
 * per processor), each report then written on a pool of eight writing threads of its own:
 *
 * <pre>
 * &lt;reports&gt;/&lt;period&gt;/province.pdf
 * &lt;reports&gt;/&lt;period&gt;/settlements/&lt;settlement_id&gt;.pdf
 * &lt;reports&gt;/&lt;period&gt;/index.csv      file,settlement,pages,sha256
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
   * Writes the province's report and every settlement's report of {@code context.period()} under
   * {@code reportsRoot/<period>/}, then the index. Returns what was written, province first.
   */
  public RenderedPeriod render(
      Path reportsRoot,
      RenderContext context,
      ProvinceReport province,
      List<SettlementReport> settlements) {
    return render(new LocalReportFolder(reportsRoot), context, province, settlements);
  }

  /**
   * Writes the province's report and every settlement's report of {@code context.period()} under
   * {@code <period>/} of {@code reports}, then the index. Returns what was written, province first.
   */
  public RenderedPeriod render(
      ReportFolder reports,
      RenderContext context,
      ProvinceReport province,
      List<SettlementReport> settlements) {
    long started = System.nanoTime();
    requireDistinct(settlements);
    String folder = context.period().toString();
    reports.prepare(folder);
    reports.prepare(folder + "/settlements");
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Threads("render"));
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS, new Threads("write"));
    // Set when a report fails: the writes not yet started are not started.
    AtomicBoolean failed = new AtomicBoolean();
    java.util.function.Function<Rendered, RenderedReport> writeUnlessFailed =
        pdf -> {
          if (failed.get()) {
            throw new java.util.concurrent.CancellationException("another report failed");
          }
          return write(reports, folder, pdf);
        };
    try {
      // Each report rendered on the rendering threads, then written on the writing threads.
      java.util.function.Function<java.util.function.Supplier<Rendered>, Future<RenderedReport>>
          renderAndWrite =
              report ->
                  CompletableFuture.supplyAsync(report, pool)
                      .thenApplyAsync(writeUnlessFailed, writers);
      List<Future<RenderedReport>> futures = new ArrayList<>();
      futures.add(
          renderAndWrite.apply(
              () -> {
                JasperPrint print = renderer.fill(province, context);
                return new Rendered(
                    "province.pdf",
                    "",
                    print.getPages().size(),
                    renderer.pdf(print, Metadata.province(context)));
              }));
      for (SettlementReport settlement : settlements) {
        futures.add(
            renderAndWrite.apply(
                () -> {
                  JasperPrint print = renderer.fill(settlement, context);
                  return new Rendered(
                      "settlements/" + settlement.settlementId() + ".pdf",
                      settlement.settlementId(),
                      print.getPages().size(),
                      renderer.pdf(print, Metadata.settlement(settlement, context)));
                }));
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

  private static void requireDistinct(List<SettlementReport> settlements) {
    Set<String> seen = new HashSet<>();
    for (SettlementReport settlement : settlements) {
      if (!seen.add(settlement.settlementId())) {
        throw new IllegalArgumentException(
            "settlement " + settlement.settlementId() + " given twice");
      }
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
  private record Rendered(String file, String settlementId, int pages, byte[] pdf) {}

  private static RenderedReport write(ReportFolder reports, String folder, Rendered rendered) {
    reports.write(folder + "/" + rendered.file(), rendered.pdf());
    return new RenderedReport(
        rendered.file(), rendered.settlementId(), rendered.pages(), sha256(rendered.pdf()));
  }

  static String indexCsv(List<RenderedReport> reports) {
    StringBuilder csv = new StringBuilder("file,settlement,pages,sha256\n");
    for (RenderedReport report : reports) {
      csv.append(report.file())
          .append(',')
          .append(report.settlementId())
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
