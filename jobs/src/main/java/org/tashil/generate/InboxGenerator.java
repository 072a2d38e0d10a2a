package org.tashil.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;

/**
 * Writes a deterministic synthetic inbox that looks like the province: for every period and every
 * office active in it, {@code <inbox>/<period>/<office_id>/} with its households, demands and
 * activities files. Settlements differ (each has its own profile), demands live across months, and
 * a share of files is written the messy ways real offices write them. Each file's modification time
 * is the day it arrived ({@link ArrivalTimes}: most within the deadline, some late). Generating a
 * period replaces that period's folder.
 */
public final class InboxGenerator {

  /** Months of demands simulated before the first period, so it starts with a backlog. */
  static final int WARM_UP_MONTHS = 6;

  /** Share of office-months without a demands file, and without an activities file. */
  static final double MISSING_FILE = 0.03;

  private final Registry registry;
  private final GeneratorSettings settings;
  private final Map<String, SettlementProfile> profiles = new TreeMap<>();
  private final FileStyles styles;
  private final TableRenderer renderer;
  private final RowBreaker breaker;

  public InboxGenerator(Registry registry, GeneratorSettings settings) {
    this.registry = registry;
    this.settings = settings;
    for (Settlement settlement : registry.settlements()) {
      profiles.put(settlement.id(), SettlementProfile.of(settlement, settings.seed()));
    }
    this.styles = new FileStyles(settings.seed(), settings.messyShare());
    this.renderer = new TableRenderer(new PersianVocabulary(registry.aliases()));
    this.breaker = new RowBreaker(registry);
  }

  /** Simulates from the first period on and writes every period's files under {@code inbox}. */
  public GenerationSummary generate(Path inbox) {
    long seed = settings.seed();
    double scale = settings.scale();
    Simulation simulation =
        new Simulation(
            new HouseholdSurveys(seed, scale, profiles),
            new DemandBook(seed, scale, profiles, new DemandLifecycles(seed, registry)),
            new ActivityLog(seed, scale, profiles));
    Month first = Month.of(settings.periods().get(0));
    simulation.demands().startSendingIn(first);
    for (Month month = Month.of(first.period().minusMonths(WARM_UP_MONTHS));
        month.period().compareTo(first.period()) < 0;
        month = month.next()) {
      registerDemands(simulation, month);
    }
    List<PeriodSummary> summaries = new ArrayList<>();
    for (Period period : settings.periods()) {
      Month month = Month.of(period);
      registerDemands(simulation, month);
      summaries.add(writePeriod(simulation, inbox, month));
    }
    return new GenerationSummary(inbox, summaries);
  }

  private record Simulation(
      HouseholdSurveys households, DemandBook demands, ActivityLog activities) {}

  /** One file to write: an office's rows of one dataset. */
  private record OfficeFile(
      String officeId, OfficeDataset dataset, List<? extends GeneratedRow> rows) {}

  private void registerDemands(Simulation simulation, Month month) {
    Map<String, List<Settlement>> served = served(month.period());
    double totalWeight =
        served.values().stream()
            .flatMap(List::stream)
            .mapToDouble(simulation.demands()::weight)
            .sum();
    if (totalWeight <= 0) {
      return;
    }
    served.forEach(
        (officeId, settlements) ->
            simulation.demands().register(month, officeId, settlements, totalWeight));
  }

  private PeriodSummary writePeriod(Simulation simulation, Path inbox, Month month) {
    Map<String, List<Settlement>> served = served(month.period());
    List<OfficeFile> files = simulate(simulation, month, served);
    List<FileStyle> chosen = chooseStyles(month, files);
    Path folder = inbox.resolve(month.period().toString());
    org.tashil.LocalFolders.delete(folder);
    int messyFiles = 0;
    int messyRows = 0;
    int broken = 0;
    int ragged = 0;
    int unbalancedQuoteFiles = 0;
    int unreadableRows = 0;
    Map<OfficeDataset, Integer> rows = new EnumMap<>(OfficeDataset.class);
    for (int i = 0; i < files.size(); i++) {
      OfficeFile file = files.get(i);
      FileStyle style = chosen.get(i);
      Written written = write(folder, month, file, style);
      if (written.unbalancedQuote()) {
        unbalancedQuoteFiles++;
        unreadableRows += file.rows().size();
      } else {
        broken += written.broken();
        ragged += written.ragged();
      }
      rows.merge(file.dataset(), file.rows().size(), Integer::sum);
      if (style.messy()) {
        messyFiles++;
        messyRows += file.rows().size();
      }
    }
    return new PeriodSummary(
        month.period(),
        served.size(),
        files.size(),
        messyFiles,
        messyRows,
        rows,
        broken,
        ragged,
        unbalancedQuoteFiles,
        unreadableRows,
        newDemands(files, month));
  }

  /**
   * What was planted in one file.
   *
   * @param broken rows broken on purpose
   * @param ragged rows with a field more or fewer than the header
   * @param unbalancedQuote whether a quote opens and never closes
   */
  private record Written(int broken, int ragged, boolean unbalancedQuote) {}

  /**
   * Runs the month for every active office and returns the files they send: households when they
   * surveyed, demands and activities unless they skip the month (about 3% of office-months each).
   */
  private List<OfficeFile> simulate(
      Simulation simulation, Month month, Map<String, List<Settlement>> served) {
    List<Settlement> all = served.values().stream().flatMap(List::stream).toList();
    long estimated = all.stream().mapToLong(Settlement::estHouseholds).sum();
    double activityWeight = all.stream().mapToDouble(simulation.activities()::weight).sum();
    List<OfficeFile> files = new ArrayList<>();
    served.forEach(
        (officeId, settlements) -> {
          SplittableRandom missing = Seeds.random(settings.seed(), "missing", month, officeId);
          boolean sendsDemands = !Draws.chance(MISSING_FILE, missing);
          boolean sendsActivities = !Draws.chance(MISSING_FILE, missing);
          List<HouseholdSurvey> surveys =
              estimated == 0
                  ? List.of()
                  : simulation.households().surveys(month, officeId, settlements, estimated);
          if (!surveys.isEmpty()) {
            files.add(new OfficeFile(officeId, OfficeDataset.HOUSEHOLDS, surveys));
          }
          if (sendsDemands) {
            files.add(
                new OfficeFile(
                    officeId, OfficeDataset.DEMANDS, simulation.demands().send(month, officeId)));
          }
          List<Activity> activities =
              activityWeight <= 0
                  ? List.of()
                  : simulation.activities().held(month, officeId, settlements, activityWeight);
          if (sendsActivities) {
            files.add(new OfficeFile(officeId, OfficeDataset.ACTIVITIES, activities));
          }
        });
    return files;
  }

  private static int newDemands(List<OfficeFile> files, Month month) {
    return (int)
        files.stream()
            .filter(file -> file.dataset() == OfficeDataset.DEMANDS)
            .flatMap(file -> file.rows().stream())
            .filter(row -> month.contains((LocalDate) row.value("registered_on")))
            .count();
  }

  /**
   * Each file's style; when files may be messy, at least one file of the period is written in
   * Windows-1256, the encoding the ingest must recognise, and at most one has an unbalanced quote
   * (the first drawn), which makes the ingest reject it whole.
   */
  private List<FileStyle> chooseStyles(Month month, List<OfficeFile> files) {
    List<FileStyle> chosen = new ArrayList<>(files.size());
    for (OfficeFile file : files) {
      chosen.add(styles.style(month, file.officeId(), file.dataset()));
    }
    boolean windows = chosen.stream().anyMatch(style -> style.has(Quirk.WINDOWS_1256));
    if (settings.messyShare() > 0 && !windows && !files.isEmpty()) {
      int index = Seeds.random(settings.seed(), "windows-1256", month).nextInt(files.size());
      chosen.set(index, styles.windows1256(files.get(index).officeId()));
    }
    boolean quote = false;
    for (int i = 0; i < chosen.size(); i++) {
      if (chosen.get(i).has(Quirk.UNBALANCED_QUOTE)) {
        if (quote) {
          chosen.set(i, chosen.get(i).without(Quirk.UNBALANCED_QUOTE));
        }
        quote = true;
      }
    }
    return chosen;
  }

  /** Writes one file; returns what was planted in it. */
  private Written write(Path periodFolder, Month month, OfficeFile file, FileStyle style) {
    OfficeDataset dataset = file.dataset();
    List<Column> columns = dataset.schema().columns();
    List<Object[]> cells = new ArrayList<>(file.rows().size());
    for (GeneratedRow row : file.rows()) {
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.value(columns.get(i).name());
      }
      cells.add(values);
    }
    SplittableRandom random =
        Seeds.random(settings.seed(), "render", month, file.officeId(), dataset.tableName());
    RowBreaker.Broken broken =
        style.messy()
            ? breaker.breakRows(dataset, cells, month, random)
            : new RowBreaker.Broken(0, new BitSet());
    RenderedTable table = renderer.render(dataset, cells, style, random);
    int ragged = 0;
    boolean unbalancedQuote = false;
    byte[] bytes;
    if (style.workbook()) {
      bytes = WorkbookFiles.write(table, dataset.tableName(), month.lastDay());
    } else {
      SplittableRandom faults =
          Seeds.random(settings.seed(), "faults", month, file.officeId(), dataset.tableName());
      if (style.has(Quirk.RAGGED_ROWS)) {
        CsvFaults.Ragged made = CsvFaults.raggedRows(table, broken.touched(), faults);
        table = made.table();
        ragged = made.rows();
      }
      String text = CsvFiles.text(table, style);
      if (style.has(Quirk.UNBALANCED_QUOTE)) {
        int summary = TableRenderer.position(dataset, style, dataset.schema().indexOf("summary"));
        String quoted = CsvFaults.unbalancedQuote(text, table, summary, style.delimiter(), faults);
        if (quoted != null) {
          text = quoted;
          unbalancedQuote = true;
        }
      }
      bytes = CsvFiles.bytes(text, style);
    }
    String name = dataset.tableName() + (style.workbook() ? ".xlsx" : ".csv");
    try {
      Path folder = Files.createDirectories(periodFolder.resolve(file.officeId()));
      Path written = Files.write(folder.resolve(name), bytes);
      // The day it arrived in the inbox, on which the ingest judges it on time or late.
      Files.setLastModifiedTime(
          written,
          FileTime.from(ArrivalTimes.of(settings.seed(), month, file.officeId(), dataset)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + periodFolder.resolve(name), e);
    }
    return new Written(broken.count(), ragged, unbalancedQuote);
  }

  /** Active offices of the period, by id, each with the settlements it serves, by id. */
  private Map<String, List<Settlement>> served(Period period) {
    Map<String, List<Settlement>> served = new TreeMap<>();
    for (Office office : registry.activeOffices(period)) {
      served.put(
          office.id(),
          registry.settlementsServedBy(office.id()).stream()
              .sorted(Comparator.comparing(Settlement::id))
              .toList());
    }
    return served;
  }
}
