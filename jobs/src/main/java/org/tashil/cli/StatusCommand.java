package org.tashil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.tashil.calendar.JalaliDate;
import org.tashil.calendar.Period;
import org.tashil.ingest.ArrivalDay;
import org.tashil.ingest.Inbox;
import org.tashil.ingest.InboxFile;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.run.PeriodInputs;
import org.tashil.run.RunRecord;
import org.tashil.run.RunStore;
import org.tashil.schema.OfficeDataset;
import org.tashil.spark.HadoopConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tashil status}: the last runs, and for a period which active offices' files are in,
 * missing or late. Reads the run records and the inbox only; never starts Spark.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print the last runs and, for a period, which active offices' files are in, missing or"
            + " late.")
public final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin OnTimeOption onTimeOption;
  @Mixin MaxFileSizeOption maxFileSizeOption;
  @Mixin ReportOptions reportOptions;

  @Option(
      names = "--period",
      paramLabel = "YYYY-MM",
      converter = PeriodConverter.class,
      description = "Show this period's offices: files in, missing or late; and its runs only.")
  Period period;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many runs to list (default ${DEFAULT-VALUE}).")
  int last;

  @Override
  public Integer call() throws Exception {
    // The registry first: a broken one exits 2 before anything is read.
    Registry registry = storage.registry();
    long maxFileSize = maxFileSizeOption.bytes();
    Configuration hadoop = HadoopConf.withoutSpark();
    PrintWriter out = spec.commandLine().getOut();
    RunStore store = new RunStore(storage.warehouse(), hadoop);
    List<RunRecord> records = store.list(period == null ? null : period.toString());
    out.println("runs (" + store.folder() + "):");
    if (records.isEmpty()) {
      out.println("  none yet");
    }
    for (RunRecord record : records.subList(Math.max(0, records.size() - last), records.size())) {
      out.println("  " + line(record));
    }
    if (period != null) {
      out.println(nextRun(store, maxFileSize, hadoop));
      printOffices(out, registry, maxFileSize, hadoop, records);
    }
    out.flush();
    return Tashil.OK;
  }

  /** What {@code run --period P} would do now, and why: the same decision, without running. */
  private String nextRun(RunStore store, long maxFileSize, Configuration hadoop)
      throws java.io.IOException {
    PeriodInputs inputs;
    try {
      inputs =
          PeriodInputs.read(
              storage.inbox(),
              period,
              storage.reference(),
              RunCommand.outputSettings(spec, reportOptions, onTimeOption, maxFileSizeOption),
              maxFileSize,
              hadoop);
    } catch (java.io.FileNotFoundException e) {
      return "run " + period + ": nothing to do yet, " + e.getMessage();
    }
    java.util.Optional<RunRecord> last = store.lastSuccessfulRun(period.toString());
    return org.tashil.run.Staleness.whyRun(inputs, last, store, hadoop)
        .map(why -> "run " + period + ": would run again (" + why + ")")
        .orElse("run " + period + ": nothing to do, up to date with run " + last.get().id());
  }

  private static String line(RunRecord record) {
    double seconds =
        Duration.between(Instant.parse(record.started()), Instant.parse(record.ended())).toMillis()
            / 1e3;
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s  %s  %-9s %-9s %6.1f s",
                record.id(),
                record.period(),
                record.command(),
                record.outcome(),
                seconds));
    if (record.revision() != null) {
      line.append("  revision ").append(record.revision());
    }
    if (record.outputs() != null && record.outputs().pdfs() > 0) {
      line.append("  ").append(record.outputs().pdfs()).append(" PDFs");
    }
    if (record.message() != null) {
      line.append("  (").append(record.message()).append(')');
    }
    return line.toString();
  }

  /** Each active office: its files now in the inbox, and the day each arrived (ArrivalDay). */
  private void printOffices(
      PrintWriter out,
      Registry registry,
      long maxFileSize,
      Configuration hadoop,
      List<RunRecord> records)
      throws java.io.IOException {
    LocalDate due = period.lastDay().plusDays(onTimeOption.onTimeDays());
    LocalDate today = ZonedDateTime.now(Period.TEHRAN).toLocalDate();
    Map<String, RunRecord.Input> seen = new HashMap<>();
    for (RunRecord record : records) {
      for (RunRecord.Input input :
          record.inputs() == null ? List.<RunRecord.Input>of() : record.inputs()) {
        if (input.firstSeenOn() != null) {
          seen.put(input.file() + " " + input.sha256(), input);
        }
      }
    }
    List<InboxFile> files;
    try {
      files = Inbox.list(storage.inbox(), period, hadoop);
    } catch (java.io.FileNotFoundException e) {
      files = List.of();
    }
    out.printf(
        "period %s: files due by %s; today %s%n",
        period, JalaliDate.describe(due), JalaliDate.describe(today));
    out.printf("  %-7s %-24s %-24s %-24s%n", "office", "households", "demands", "activities");
    int missing = 0;
    int late = 0;
    for (Office office : registry.activeOffices(period)) {
      StringBuilder row = new StringBuilder(String.format("  %-7s", office.id()));
      for (OfficeDataset dataset : OfficeDataset.values()) {
        InboxFile file =
            files.stream()
                .filter(f -> f.officeId().equalsIgnoreCase(office.id()) && f.dataset() == dataset)
                .findFirst()
                .orElse(null);
        String state;
        if (file == null) {
          boolean required = dataset != OfficeDataset.HOUSEHOLDS;
          state = required ? "missing" : "none (optional)";
          missing += required ? 1 : 0;
        } else {
          RunRecord.Input input =
              seen.get(file.path() + " " + PeriodInputs.checksum(file, maxFileSize, hadoop));
          if (input == null) {
            state = "in, not yet run";
          } else {
            // Judged, as office_month judges it, on the day the file arrived in the inbox.
            LocalDate arrived =
                ArrivalDay.of(file.modified(), LocalDate.parse(input.firstSeenOn()), period);
            boolean isLate = arrived.isAfter(due);
            late += isLate ? 1 : 0;
            state = (isLate ? "late " : "in ") + JalaliDate.from(arrived);
            if ("rejected".equals(input.status())) {
              state += " rejected";
            }
          }
        }
        row.append(String.format(" %-24s", state));
      }
      out.println(row.toString().stripTrailing());
    }
    out.printf(
        "  %d active offices; %d required files missing, %d late%n",
        registry.activeOffices(period).size(), missing, late);
  }
}
