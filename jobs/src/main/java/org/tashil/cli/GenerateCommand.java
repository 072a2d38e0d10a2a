package org.tashil.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;
import org.tashil.generate.GenerationSummary;
import org.tashil.generate.GeneratorSettings;
import org.tashil.generate.InboxGenerator;
import org.tashil.generate.PeriodSummary;
import org.tashil.schema.OfficeDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tashil generate}: a deterministic synthetic inbox for trying and testing the pipeline. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Write a synthetic inbox that looks like the province: every active office's households,"
            + " demands and activities files for the given periods. The same options always give"
            + " the same files; a period's folder is replaced.")
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StorageOptions storage;

  @Option(
      names = "--periods",
      paramLabel = "FIRST..LAST",
      defaultValue = "1404-09..1405-08",
      description =
          "The Jalali months to generate, FIRST..LAST or one month (1405-08). Demands are followed"
              + " from the first. Default: ${DEFAULT-VALUE}.")
  String periods;

  @Option(
      names = "--scale",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Multiplies every volume. 1 is the province today: about 16,700 household surveys,"
              + " 8,000 new demands and 1,500 activities a month. Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Seed of the simulation; another seed gives another province. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--messy",
      paramLabel = "SHARE",
      defaultValue = "0.15",
      description =
          "Share of files written the messy ways offices write them (Persian digits and headers,"
              + " Windows-1256, semicolons, Excel, personal columns, a few broken rows, now and then"
              + " a row with a cell too many or too few, rarely a quote never closed), from 0"
              + " (every file canonical) to 1. Default: ${DEFAULT-VALUE}.")
  double messy;

  @Override
  public Integer call() {
    GeneratorSettings settings;
    try {
      settings = new GeneratorSettings(PeriodRange.parse(periods).periods(), scale, seed, messy);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path inbox = localFolder(storage.inbox());
    InboxGenerator generator = new InboxGenerator(storage.registry(), settings);
    long start = System.nanoTime();
    GenerationSummary summary = generator.generate(inbox);
    print(summary, settings.periods(), (System.nanoTime() - start) / 1e9);
    return Tashil.OK;
  }

  /** The generator writes to a local folder; {@code file:} URIs are accepted too. */
  private static Path localFolder(String inbox) {
    if (inbox.startsWith("file:")) {
      return Path.of(URI.create(inbox));
    }
    if (inbox.contains("://")) {
      throw new UsageException(
          "generate writes to a local folder; --inbox " + inbox + " is not one");
    }
    return Path.of(inbox);
  }

  private void print(GenerationSummary summary, List<Period> periods, double seconds) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Generated %d files for %s..%s in %.1f s into %s%n",
        summary.files(),
        periods.get(0),
        periods.get(periods.size() - 1),
        seconds,
        summary.inbox().toAbsolutePath().normalize());
    out.printf(
        Locale.ROOT,
        "Messy: %d files with %d of %d rows; %d rows broken on purpose, %d rows with a cell too"
            + " many or too few, %d files with a quote never closed (%d rows that cannot be"
            + " read)%n",
        summary.messyFiles(),
        summary.messyRows(),
        summary.totalRows(),
        summary.brokenRows(),
        summary.raggedRows(),
        summary.unbalancedQuoteFiles(),
        summary.unreadableRows());
    out.printf(
        Locale.ROOT,
        "%-8s %7s %6s %6s %11s %9s %11s %8s %7s%n",
        "period",
        "offices",
        "files",
        "messy",
        "households",
        "demands",
        "activities",
        "new_dem",
        "broken");
    for (PeriodSummary period : summary.periods()) {
      out.printf(
          Locale.ROOT,
          "%-8s %7d %6d %6d %11d %9d %11d %8d %7d%n",
          period.period(),
          period.activeOffices(),
          period.files(),
          period.messyFiles(),
          period.rows(OfficeDataset.HOUSEHOLDS),
          period.rows(OfficeDataset.DEMANDS),
          period.rows(OfficeDataset.ACTIVITIES),
          period.newDemands(),
          period.brokenRows());
    }
    out.printf(
        Locale.ROOT,
        "%-8s %7s %6d %6d %11d %9d %11d %8d %7d%n",
        "total",
        "",
        summary.files(),
        summary.messyFiles(),
        summary.rows(OfficeDataset.HOUSEHOLDS),
        summary.rows(OfficeDataset.DEMANDS),
        summary.rows(OfficeDataset.ACTIVITIES),
        summary.periods().stream().mapToInt(PeriodSummary::newDemands).sum(),
        summary.brokenRows());
    out.flush();
  }
}
