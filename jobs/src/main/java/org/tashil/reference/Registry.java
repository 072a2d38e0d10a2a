package org.tashil.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersianText;

/**
 * The reference registry (contract §3): settlements, offices, agencies and column aliases, read
 * from {@code --reference DIR}. Small enough to hold in memory and broadcast to every Spark task.
 */
public final class Registry implements Serializable {

  public static final Set<String> HAZARDS =
      Set.of("none", "landslide", "flood", "riverbank", "high_voltage", "pipeline", "industrial");
  private static final Pattern JALALI = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

  /** What every id of the registry is (contract §3): compared ignoring case. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final String REGISTRY = "registry";

  private final Map<String, Settlement> settlements;
  private final Map<String, Office> offices;
  private final Map<String, Agency> agencies;
  private final Map<String, Settlement> settlementsByKey;
  private final Map<String, Office> officesByKey;
  private final Map<String, Agency> agenciesByKey;
  private final ColumnAliases aliases;

  /**
   * A registry built in code (tests). Its ids go through the checks {@link #load} makes, with
   * "registry (settlements)" and the like in place of a file and line; a settlement's office is
   * stored in the offices' spelling.
   */
  public Registry(
      Collection<Settlement> settlements,
      Collection<Office> offices,
      Collection<Agency> agencies,
      ColumnAliases aliases) {
    Ids officeIds = new Ids(REGISTRY + " (offices)", "office_id");
    for (Office office : offices) {
      officeIds.add(office.id(), office.id(), 0);
    }
    Ids agencyIds = new Ids(REGISTRY + " (agencies)", "agency_id");
    for (Agency agency : agencies) {
      agencyIds.add(agency.id(), agency.id(), 0);
    }
    Ids settlementIds = new Ids(REGISTRY + " (settlements)", "settlement_id");
    List<Settlement> spelled = new ArrayList<>(settlements.size());
    for (Settlement settlement : settlements) {
      settlementIds.add(settlement.id(), settlement.id(), 0);
      String office =
          officeIds.reference(
              settlementIds.where(0),
              "office_id",
              settlement.officeId(),
              settlement.officeId(),
              "the registry's offices");
      spelled.add(
          settlement.officeId().equals(office) ? settlement : withOffice(settlement, office));
    }
    this.settlements = index(spelled, Settlement::id);
    this.offices = index(offices, Office::id);
    this.agencies = index(agencies, Agency::id);
    this.settlementsByKey = byKey(this.settlements);
    this.officesByKey = byKey(this.offices);
    this.agenciesByKey = byKey(this.agencies);
    this.aliases = aliases;
  }

  /**
   * Reads the registry file by file (offices, agencies, settlements, column aliases), failing with
   * the file, line and value of the first thing wrong. Every id must be {@link #ID} and unique
   * ignoring case within its file; a settlement's office must be in offices.csv ignoring case and
   * is stored in offices.csv's spelling.
   */
  public static Registry load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new RegistryException("reference folder " + directory + " does not exist");
    }
    Path officesFile = directory.resolve("offices.csv");
    Ids officeIds = new Ids(officesFile.toString(), "office_id");
    List<Office> offices =
        read(
            officesFile,
            true,
            (record, line) -> office(record, line, officeIds),
            "office_id",
            "opened_on");
    Path agenciesFile = directory.resolve("agencies.csv");
    Ids agencyIds = new Ids(agenciesFile.toString(), "agency_id");
    List<Agency> agencies =
        read(
            agenciesFile,
            true,
            (record, line) -> agency(record, line, agencyIds),
            "agency_id",
            "sla_days");
    Path settlementsFile = directory.resolve("settlements.csv");
    Ids settlementIds = new Ids(settlementsFile.toString(), "settlement_id");
    List<Settlement> settlements =
        read(
            settlementsFile,
            true,
            (record, line) -> settlement(record, line, settlementIds, officeIds),
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
        (record, line) -> {
          addAlias(aliases, record);
          return Boolean.TRUE;
        },
        "dataset",
        "alias",
        "column");
    return new Registry(settlements, offices, agencies, aliases);
  }

  /** Whether a text is an id: 1 to 64 ASCII letters, digits, '-' or '_'. */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** The settlement whose id is {@code id} ignoring case; its {@code id()} is the registry's. */
  public Optional<Settlement> settlement(String id) {
    return find(settlementsByKey, id);
  }

  /** The office whose id is {@code id} ignoring case; its {@code id()} is the registry's. */
  public Optional<Office> office(String id) {
    return find(officesByKey, id);
  }

  /** The agency whose id is {@code id} ignoring case; its {@code id()} is the registry's. */
  public Optional<Agency> agency(String id) {
    return find(agenciesByKey, id);
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

  /** The settlements of an office, whose id is compared ignoring case. */
  public List<Settlement> settlementsServedBy(String officeId) {
    return settlements.values().stream()
        .filter(settlement -> settlement.officeId().equalsIgnoreCase(officeId))
        .toList();
  }

  private static <T> Optional<T> find(Map<String, T> byKey, String id) {
    return isId(id) ? Optional.ofNullable(byKey.get(key(id))) : Optional.empty();
  }

  /** How ids are compared: folded with {@link Locale#ROOT}. */
  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static <T> Map<String, T> byKey(Map<String, T> byId) {
    Map<String, T> byKey = new HashMap<>();
    byId.forEach((id, item) -> byKey.put(key(id), item));
    return byKey;
  }

  private static Settlement withOffice(Settlement s, String officeId) {
    return new Settlement(
        s.id(),
        s.nameFa(),
        s.nameEn(),
        s.countyFa(),
        s.countyEn(),
        s.cityFa(),
        officeId,
        s.estHouseholds(),
        s.estPopulation(),
        s.hazard());
  }

  private static Settlement settlement(
      CSVRecord record, int line, Ids settlementIds, Ids officeIds) {
    String id =
        settlementIds.add(written(record, "settlement_id"), idField(record, "settlement_id"), line);
    String officeId =
        officeIds.reference(
            settlementIds.where(line),
            "office_id",
            written(record, "office_id"),
            idField(record, "office_id"),
            "offices.csv");
    String hazard = field(record, "hazard");
    if (!HAZARDS.contains(hazard)) {
      throw new IllegalArgumentException("hazard '" + hazard + "' is not one of " + HAZARDS);
    }
    return new Settlement(
        id,
        optionalField(record, "name_fa"),
        optionalField(record, "name_en"),
        optionalField(record, "county_fa"),
        optionalField(record, "county_en"),
        optionalField(record, "city_fa"),
        officeId,
        Integer.parseInt(field(record, "est_households")),
        Integer.parseInt(field(record, "est_population")),
        hazard);
  }

  private static Office office(CSVRecord record, int line, Ids officeIds) {
    String id = officeIds.add(written(record, "office_id"), idField(record, "office_id"), line);
    String closed = optionalField(record, "closed_on");
    return new Office(
        id,
        optionalField(record, "name_fa"),
        optionalField(record, "name_en"),
        optionalField(record, "county_en"),
        jalali(field(record, "opened_on")),
        closed == null ? null : jalali(closed));
  }

  private static Agency agency(CSVRecord record, int line, Ids agencyIds) {
    String id = agencyIds.add(written(record, "agency_id"), idField(record, "agency_id"), line);
    return new Agency(
        id,
        optionalField(record, "name_fa"),
        optionalField(record, "name_en"),
        Integer.parseInt(field(record, "sla_days")));
  }

  private static void addAlias(ColumnAliases aliases, CSVRecord record) {
    String dataset = field(record, "dataset");
    List<OfficeDataset> datasets = new ArrayList<>();
    if (dataset.equals("*")) {
      datasets.addAll(List.of(OfficeDataset.values()));
    } else {
      datasets.add(
          OfficeDataset.ofTableName(dataset)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "dataset '"
                              + dataset
                              + "' is not households, demands, activities or *")));
    }
    String target = field(record, "column");
    for (OfficeDataset each : datasets) {
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

  /** An id column normalised, or "" when empty: the id checks say what is wrong with it. */
  private static String idField(CSVRecord record, String name) {
    String value = optionalField(record, name);
    return value == null ? "" : value;
  }

  /** An id column as the file has it (trimmed), for messages. */
  private static String written(CSVRecord record, String name) {
    return record.isMapped(name) ? record.get(name) : "";
  }

  /** Parses one row of a registry file; {@code line} is its first line in the file. */
  private interface RowParser<T> {
    T parse(CSVRecord record, int line);
  }

  private static <T> List<T> read(
      Path file, boolean required, RowParser<T> parse, String... requiredColumns) {
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
      // The line a record starts on: one after the line the previous record (or header) ended on.
      long endOfPrevious = parser.getCurrentLineNumber();
      for (CSVRecord record : parser) {
        int line = (int) endOfPrevious + 1;
        try {
          rows.add(parse.parse(record, line));
        } catch (RegistryException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new RegistryException(file + " line " + line + ": " + e.getMessage());
        }
        endOfPrevious = parser.getCurrentLineNumber();
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new RegistryException("cannot read " + file + ": " + e.getMessage());
    }
    return rows;
  }

  private static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : items) {
      byId.put(id.apply(item), item);
    }
    return byId;
  }

  /**
   * The ids of one column of one file, as they are read: each must be {@link #ID} and differ from
   * every earlier one ignoring case.
   */
  private static final class Ids {

    private final String file;
    private final String column;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> spellings = new HashMap<>();

    Ids(String file, String column) {
      this.file = file;
      this.column = column;
    }

    /** Where a row is, for messages: the file and line, or the file alone for line 0. */
    String where(int line) {
      return line > 0 ? file + " line " + line : file;
    }

    /** Adds an id and returns it, or fails naming the file, the line and the id as written. */
    String add(String written, String id, int line) {
      check(where(line), column, written, id);
      String key = key(id);
      String earlier = spellings.get(key);
      if (earlier != null) {
        int earlierLine = lines.get(key);
        throw new RegistryException(
            where(line)
                + ": "
                + column
                + " '"
                + written
                + "' is the same as '"
                + earlier
                + "'"
                + (earlierLine > 0 ? " on line " + earlierLine : "")
                + " (ids are compared ignoring case)");
      }
      spellings.put(key, id);
      lines.put(key, line);
      return id;
    }

    /**
     * An id another file refers to, in this column's spelling; fails at {@code where} when it is
     * not an id or not one of these.
     */
    String reference(String where, String column, String written, String id, String what) {
      check(where, column, written, id);
      String spelling = spellings.get(key(id));
      if (spelling == null) {
        throw new RegistryException(
            where
                + ": "
                + column
                + " '"
                + written
                + "' is not in "
                + what
                + " (ids are compared ignoring case)");
      }
      return spelling;
    }

    private static void check(String where, String column, String written, String id) {
      if (!isId(id)) {
        throw new RegistryException(
            where
                + ": "
                + column
                + " '"
                + written
                + "' is not an id: 1 to 64 letters, digits, '-' or '_'");
      }
    }
  }
}
