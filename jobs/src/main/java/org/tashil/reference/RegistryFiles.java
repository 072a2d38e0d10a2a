package org.tashil.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tashil.calendar.JalaliDate;
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersianText;

/**
 * The registry's files read and checked (contract §3): {@code offices.csv}, {@code agencies.csv},
 * {@code settlements.csv} and, when there is one, {@code column_aliases.csv}. Each row is parsed
 * and checked as it is read; the first thing wrong fails the load naming the file, the line and the
 * value as written.
 */
final class RegistryFiles {

  private static final Pattern JALALI = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

  private RegistryFiles() {}

  /** The registry in {@code directory}, as {@link Registry#load} describes it. */
  static Registry load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new RegistryException("reference folder " + directory + " does not exist");
    }
    Path officesFile = directory.resolve("offices.csv");
    RegistryIds officeIds = new RegistryIds(officesFile.toString(), "office_id");
    List<Office> offices =
        read(
            officesFile,
            true,
            (record, line) -> office(record, line, officeIds),
            "office_id",
            "opened_on");
    Path agenciesFile = directory.resolve("agencies.csv");
    RegistryIds agencyIds = new RegistryIds(agenciesFile.toString(), "agency_id");
    List<Agency> agencies =
        read(
            agenciesFile,
            true,
            (record, line) -> agency(record, line, agencyIds),
            "agency_id",
            "sla_days");
    Path settlementsFile = directory.resolve("settlements.csv");
    RegistryIds settlementIds = new RegistryIds(settlementsFile.toString(), "settlement_id");
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

  private static Settlement settlement(
      CSVRecord record, int line, RegistryIds settlementIds, RegistryIds officeIds) {
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
    if (!Registry.HAZARDS.contains(hazard)) {
      throw new IllegalArgumentException(
          "hazard '" + hazard + "' is not one of " + Registry.HAZARDS);
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

  private static Office office(CSVRecord record, int line, RegistryIds officeIds) {
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

  private static Agency agency(CSVRecord record, int line, RegistryIds agencyIds) {
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
    } catch (IOException | UncheckedIOException e) {
      throw new RegistryException("cannot read " + file + ": " + e.getMessage());
    }
    return rows;
  }
}
