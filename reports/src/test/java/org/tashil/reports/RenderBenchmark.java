package org.tashil.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.PeriodReports;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.render.PeriodRenderer;
import org.tashil.reports.render.RenderedPeriod;
import org.tashil.reports.render.ReportRenderer;

/**
 * A benchmark, not a test: a whole scale-1 period (130 settlements and the province) in a fresh
 * JVM, first-report cost included, then warm throughput. {@code RenderBenchmark [folder] [lang]}.
 */
public final class RenderBenchmark {

  private RenderBenchmark() {}

  /** CPU time of the whole JVM (every thread, compiler and GC included). */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  public static void main(String[] arguments) throws Exception {
    long jvmStart = System.nanoTime();
    Path folder = Files.createTempDirectory(arguments.length > 0 ? arguments[0] : "tashil-bench");
    Language language = Language.fromCode(arguments.length > 1 ? arguments[1] : "fa");
    List<SettlementReport> settlements = ReportFixtures.syntheticSettlements(130);
    ReportRenderer renderer = ReportRenderer.withCompiledTemplates();
    PeriodRenderer periods = new PeriodRenderer(renderer);
    RenderedPeriod cold =
        periods.render(
            folder,
            ReportFixtures.context(language),
            new PeriodReports(ReportFixtures.province(), settlements, List.of(), List.of()));
    double coldSeconds = (System.nanoTime() - jvmStart) / 1e9;
    System.out.printf(
        "cold: %d PDFs (130 settlements + province, %s) in %.2f s wall from main(), render %.2f s%n",
        cold.reports().size(), language.code(), coldSeconds, cold.elapsed().toMillis() / 1e3);
    System.out.printf("cold: %.2f CPU s so far%n", cpuSeconds());
    for (int round = 1; round <= 3; round++) {
      double cpuBefore = cpuSeconds();
      RenderedPeriod warm =
          periods.render(
              folder,
              ReportFixtures.context(language),
              new PeriodReports(ReportFixtures.province(), settlements, List.of(), List.of()));
      double seconds = warm.elapsed().toNanos() / 1e9;
      double cpu = cpuSeconds() - cpuBefore;
      System.out.printf(
          "warm %d: %d PDFs in %.2f s wall = %.1f settlement PDFs/s; %.1f CPU ms per PDF"
              + " (%d cores: %.1f PDFs/s when the machine is otherwise idle)%n",
          round,
          warm.reports().size(),
          seconds,
          130 / seconds,
          cpu * 1000 / warm.reports().size(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().availableProcessors() * warm.reports().size() / cpu);
    }
  }
}
