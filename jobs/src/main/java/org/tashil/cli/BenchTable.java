package org.tashil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tashil.calendar.Period;
import org.tashil.run.RunRecord;

/** The table {@code tashil bench} prints of the timed run, from its run record. */
final class BenchTable {

  private BenchTable() {}

  /**
   * @param scale the province's size as the folder names it
   * @param heap the timed run's maximum heap, as given
   */
  static void print(
      PrintWriter out, RunRecord run, double wall, String scale, Period period, String heap) {
    out.printf(Locale.ROOT, "%n# tashil bench: scale %s, period %s%n", scale, period);
    out.printf(Locale.ROOT, "| %-38s | %8s |%n", "stage", "seconds");
    out.printf(Locale.ROOT, "|%s|%s|%n", "-".repeat(40), "-".repeat(10));
    double render = 0;
    long pdfs = 0;
    for (RunRecord.Stage stage : run.stages()) {
      out.printf(Locale.ROOT, "| %-38s | %8.1f |%n", stage.name(), stage.seconds());
      if (stage.name() == RunRecord.StageName.RENDER) {
        render = stage.seconds();
        pdfs = stage.counts().get("pdfs");
      }
    }
    out.printf(Locale.ROOT, "| %-38s | %8.1f |%n", "whole run, wall (JVM start included)", wall);
    Map<String, Long> ingest = run.stages().get(0).counts();
    out.printf(
        Locale.ROOT,
        "rows ingested: %,d read, %,d accepted; PDFs: %d, %.1f per second; peak heap %,d MiB (-Xmx%s)%n",
        ingest.get("rows_read"),
        ingest.get("rows_accepted"),
        pdfs,
        pdfs / Math.max(render, 1e-3),
        run.peakHeapMb(),
        heap);
    List<String> spills = new ArrayList<>();
    for (RunRecord.Stage stage : run.stages()) {
      Long memory = stage.counts().get("spilled_memory_bytes");
      Long disk = stage.counts().get("spilled_disk_bytes");
      if (memory != null && disk != null) {
        spills.add(
            String.format(
                Locale.ROOT,
                "%s %.1f MiB from memory, %.1f MiB to disk",
                stage.name().toString().toLowerCase(Locale.ROOT),
                memory / 1048576.0,
                disk / 1048576.0));
      }
    }
    out.println("spilled: " + String.join("; ", spills));
    for (RunRecord.Stage stage : run.stages()) {
      if (stage.name() == RunRecord.StageName.AGGREGATE) {
        List<String> marts = new ArrayList<>();
        stage
            .counts()
            .forEach(
                (key, value) -> {
                  if (key.endsWith("_ms")) {
                    marts.add(
                        String.format(
                            Locale.ROOT, "%s %.1f s", key.replace("_ms", ""), value / 1e3));
                  }
                });
        out.println("aggregate by mart (compute and commit): " + String.join(", ", marts));
      }
    }
    out.flush();
  }
}
