package org.tashil.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tashil.calendar.JalaliDate;
import org.tashil.calendar.Period;
import org.tashil.schema.Dataset;
import org.tashil.text.PersianText;

/**
 * The reference registry (contract §3): settlements, offices, agencies and column aliases, read
 * from {@code --reference DIR}. Small enough to hold in memory and broadcast to every Spark task.
 */
public final class Registry implements Serializable {

  public static final Set<String> HAZARDS =
      Set.of("none", "landslide", "flood", "riverbank", "high_voltage", "pipeline", "industrial");
  private static final Pattern JALALI = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

  private final Map<String, Settlement> settlements;
  private final Map<String, Office> offices;
  private final Map<String, Agency> agencies;
  private final ColumnAliases aliases;

  public Registry(
      Collection<Settlement> settlements,
      Collection<Office> offices,
      Collection<Agency> agencies,
      ColumnAliases aliases) {
    this.settlements = index(settlements, Settlement::id);
    this.offices = index(offices, Office::id);
    this.agencies = index(agencies, Agency::id);
    this.aliases = aliases;
  }

  /** Reads the registry, failing with the file and line of the first thing wrong. */
  public static Registry load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new RegistryException("reference folder " + directory + " does not exist");
    }
    List<Office> offices =
        read(directory.resolve("offices.csv"), true, Registry::office, "office_id", "opened_on");
    List<Agency> agencies =
        read(directory.resolve("agencies.csv"), true, Registry::agency, "agency_id", "sla_days");
    List<Settlement> settlements =
        read(
            directory.resolve("settlements.csv"),
            true,
            Registry::settlement,
            "settlement_id",
            "office_id",
            "est_households",
            "est_population",
            "hazard");
    ColumnAliases aliases = ColumnAliases.none();
    Path aliasFile = directory.resolve("column_aliases.csv");
    read(
        aliasFile,
        false,
        record -> {
          addAlias(aliases, record);
          return Boolean.TRUE;
        },
        "dataset",
        "alias",
        "column");
    Registry registry = new Registry(settlements, offices, agencies, aliases);
    for (Settlement settlement : settlements) {
      if (!registry.offices.containsKey(settlement.officeId())) {
        throw new RegistryException(
            "settlements.csv: settlement "
                + settlement.id()
                + " names office "
                + settlement.officeId()
                + ", which is not in offices.csv");
      }
    }
    return registry;
  }

  public Optional<Settlement> settlement(String id) {
    return Optional.ofNullable(settlements.get(id));
  }

  public Optional<Office> office(String id) {
    return Optional.ofNullable(offices.get(id));
  }

  public Optional<Agency> agency(String id) {
    return Optional.ofNullable(agencies.get(id));
  }

  public Collection<Settlement> settlements() {
    return settlements.values();
  }

  public Collection<Office> offices() {
    return offices.values();
  }

  public Collection<Agency> agencies() {
    return agencies.values();
  }

  public ColumnAliases aliases() {
    return aliases;
  }

  public List<Office> activeOffices(Period period) {
    return offices.values().stream().filter(office -> office.isActiveIn(period)).toList();
  }

  public List<Settlement> settlementsServedBy(String officeId) {
    return settlements.values().stream()
        .filter(settlement -> settlement.officeId().equals(officeId))
        .toList();
  }

  /** A settlement id as an office may write it ({@code ahv-001}) in the registry's spelling. */
  public String canonicalSettlementId(String written) {
    return written.toUpperCase(Locale.ROOT);
  }

  /**
   * An agency id as an office may write it ({@code Water_Wastewater}) in the registry's spelling.
   */
  public String canonicalAgencyId(String written) {
    return written.toLowerCase(Locale.ROOT);
  }

  private static Settlement settlement(CSVRecord record) {
    String hazard = field(record, "hazard");
    if (!HAZARDS.contains(hazard)) {
      throw new IllegalArgumentException("hazard '" + hazard + "' is not one of " + HAZARDS);
    }
    return new Settlement(
        field(record, "settlement_id"),
        optionalField(record, "name_fa"),
        optionalField(record, "name_en"),
        optionalField(record, "county_fa"),
        optionalField(record, "county_en"),
        optionalField(record, "city_fa"),
        field(record, "office_id"),
        Integer.parseInt(field(record, "est_households")),
        Integer.parseInt(field(record, "est_population")),
        hazard);
  }

  private static Office office(CSVRecord record) {
    String closed = optionalField(record, "closed_on");
    return new Office(
        field(record, "office_id"),
        optionalField(record, "name_fa"),
        optionalField(record, "name_en"),
        optionalField(record, "county_en"),
        jalali(field(record, "opened_on")),
        closed == null ? null : jalali(closed));
  }

  private static Agency agency(CSVRecord record) {
    return new Agency(
        field(record, "agency_id"),
        optionalField(record, "name_fa"),
        optionalField(record, "name_en"),
        Integer.parseInt(field(record, "sla_days")));
  }

  private static void addAlias(ColumnAliases aliases, CSVRecord record) {
    String dataset = field(record, "dataset");
    List<Dataset> datasets = new ArrayList<>();
    if (dataset.equals("*")) {
      datasets.addAll(List.of(Dataset.values()));
    } else {
      datasets.add(
          Dataset.ofTableName(dataset)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "dataset '"
                              + dataset
                              + "' is not households, demands, activities or *")));
    }
    String target = field(record, "column");
    for (Dataset each : datasets) {
      boolean valueAlias = target.startsWith(ColumnAliases.VALUE_PREFIX);
      if (!valueAlias && each.schema().column(target).isEmpty()) {
        if (dataset.equals("*")) {
          continue;
        }
        throw new IllegalArgumentException(dataset + " has no column '" + target + "'");
      }
      aliases.add(each, field(record, "alias"), target);
    }
  }

  private static JalaliDate jalali(String text) {
    Matcher matcher = JALALI.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a Jalali date YYYY/MM/DD");
    }
    return JalaliDate.of(
            Integer.parseInt(matcher.group(1)),
            Integer.parseInt(matcher.group(2)),
            Integer.parseInt(matcher.group(3)))
        .orElseThrow(() -> new IllegalArgumentException(text + " does not exist in the calendar"));
  }

  private static String field(CSVRecord record, String name) {
    String value = optionalField(record, name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return value;
  }

  private static String optionalField(CSVRecord record, String name) {
    return record.isMapped(name) ? PersianText.normalize(record.get(name)) : null;
  }

  private static <T> List<T> read(
      Path file, boolean required, Function<CSVRecord, T> parse, String... requiredColumns) {
    if (!Files.exists(file)) {
      if (required) {
        throw new RegistryException("reference file " + file + " is missing");
      }
      return List.of();
    }
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<T> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      var parser = format.parse(reader);
      for (String column : requiredColumns) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new RegistryException(file + ": the header has no column " + column);
        }
      }
      for (CSVRecord record : parser) {
        try {
          rows.add(parse.apply(record));
        } catch (RuntimeException e) {
          throw new RegistryException(
              file + " line " + (record.getRecordNumber() + 1) + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new RegistryException("cannot read " + file + ": " + e.getMessage());
    }
    return rows;
  }

  private static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : items) {
      if (byId.put(id.apply(item), item) != null) {
        throw new RegistryException("'" + id.apply(item) + "' appears twice in the registry");
      }
    }
    return byId;
  }
}
