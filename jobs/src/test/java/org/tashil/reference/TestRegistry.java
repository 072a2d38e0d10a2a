package org.tashil.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tashil.Fixtures;

/**
 * The registry's ids (contract §3): matched ignoring case with the registry's spelling returned,
 * and checked at load, where anything wrong names the file, the line and the id.
 */
class TestRegistry {

  private static final String NOT_AN_ID = "' is not an id: 1 to 64 letters, digits, '-' or '_'";
  private static final String IGNORING_CASE = " (ids are compared ignoring case)";

  @TempDir Path temp;

  /** A copy of the shipped registry's files in {@code target}, for a test to rewrite. */
  static Path copyReference(Path target) {
    try {
      Files.createDirectories(target);
      try (var files = Files.list(Fixtures.REFERENCE)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rewrites a CSV file: {@code edit} gets its rows, header first (row i is line i + 1 while no
   * value spans lines), and may change them; they are written back quoted where needed.
   */
  static void edit(Path file, Consumer<List<List<String>>> edit) {
    try {
      List<List<String>> rows = new ArrayList<>();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
          rows.add(new ArrayList<>(record.toList()));
        }
      }
      edit.accept(rows);
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
        printer.printRecords(rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets a column of every row but the header. */
  static void column(Path file, int column, java.util.function.UnaryOperator<String> change) {
    edit(
        file,
        rows -> {
          for (List<String> row : rows.subList(1, rows.size())) {
            row.set(column, change.apply(row.get(column)));
          }
        });
  }

  /** Sets one value: {@code line} as in the file, header = line 1. */
  static void set(Path file, int line, int column, String value) {
    edit(file, rows -> rows.get(line - 1).set(column, value));
  }

  /**
   * The shipped registry with its agencies in upper case, its settlements in lower case, and the
   * settlements' offices in lower case too.
   */
  static Path otherSpellings(Path target) {
    Path reference = copyReference(target);
    column(reference.resolve("agencies.csv"), 0, id -> id.toUpperCase(Locale.ROOT));
    column(reference.resolve("settlements.csv"), 0, id -> id.toLowerCase(Locale.ROOT));
    column(reference.resolve("settlements.csv"), 6, id -> id.toLowerCase(Locale.ROOT));
    return reference;
  }

  private Path reference() {
    return copyReference(temp.resolve("reference"));
  }

  @Test
  void theShippedRegistryLoads() {
    Registry registry = Registry.load(Fixtures.REFERENCE);
    assertThat(registry.settlements()).hasSize(130);
    assertThat(registry.offices()).hasSize(27);
    assertThat(registry.agencies()).hasSize(18);
    assertThat(registry.settlement("ahv-001")).map(Settlement::id).contains("AHV-001");
    assertThat(registry.agency("WATER_WASTEWATER")).map(Agency::id).contains("water_wastewater");
  }

  @Test
  void idsInTheRegistrysOwnSpellingMatchIgnoringCase() {
    Registry registry = Registry.load(otherSpellings(temp.resolve("reference")));
    assertThat(registry.agency("water_wastewater")).map(Agency::id).contains("WATER_WASTEWATER");
    assertThat(registry.agency("Water_Wastewater")).map(Agency::id).contains("WATER_WASTEWATER");
    assertThat(registry.agency("WATER_WASTEWATER")).map(Agency::id).contains("WATER_WASTEWATER");
    assertThat(registry.agencies()).allSatisfy(a -> assertThat(a.id()).isUpperCase());
    assertThat(registry.settlement("AHV-001")).map(Settlement::id).contains("ahv-001");
    assertThat(registry.settlement("Ahv-001")).map(Settlement::id).contains("ahv-001");
    assertThat(registry.settlements()).allSatisfy(s -> assertThat(s.id()).isLowerCase());
    // A settlement's office is stored in offices.csv's spelling, whatever settlements.csv wrote.
    assertThat(registry.settlement("ahv-001")).map(Settlement::officeId).contains("OF-01");
    assertThat(registry.office("of-01")).map(Office::id).contains("OF-01");
    assertThat(registry.settlementsServedBy("of-01"))
        .isNotEmpty()
        .isEqualTo(registry.settlementsServedBy("OF-01"));
    // Only ids match: nothing else is folded into one (the Kelvin sign lower-cases to k).
    assertThat(registry.agency("")).isEmpty();
    assertThat(registry.agency(null)).isEmpty();
    assertThat(registry.settlement("AHV-001 ")).isEmpty();
    assertThat(registry.agency("\u212A")).isEmpty();
  }

  static Stream<String> notIds() {
    return Stream.of(
        "../province",
        "AHV/001",
        "a,b",
        "",
        "AHV 001",
        "حصیرآباد",
        "a\"b",
        "AHV-001\\x",
        "S" + "x".repeat(64));
  }

  @ParameterizedTest
  @MethodSource("notIds")
  void aSettlementIdThatIsNotAnIdFailsNamingFileLineAndId(String id) {
    Path reference = reference();
    set(reference.resolve("settlements.csv"), 7, 0, id);
    assertThatThrownBy(() -> Registry.load(reference))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            reference.resolve("settlements.csv") + " line 7: settlement_id '" + id + NOT_AN_ID);
  }

  @Test
  void sixtyFourCharactersAreAnId() {
    Path reference = reference();
    String id = "S" + "x".repeat(63);
    set(reference.resolve("settlements.csv"), 7, 0, id);
    assertThat(Registry.load(reference).settlement(id.toUpperCase(Locale.ROOT)))
        .map(Settlement::id)
        .contains(id);
  }

  @Test
  void badIdsInEveryIdColumnFailNamingFileLineAndId() {
    Path reference = reference();
    set(reference.resolve("offices.csv"), 4, 0, "OF 03");
    assertThatThrownBy(() -> Registry.load(reference))
        .hasMessage(reference.resolve("offices.csv") + " line 4: office_id 'OF 03" + NOT_AN_ID);

    Path agencies = copyReference(temp.resolve("agencies"));
    set(agencies.resolve("agencies.csv"), 9, 0, "health/");
    assertThatThrownBy(() -> Registry.load(agencies))
        .hasMessage(agencies.resolve("agencies.csv") + " line 9: agency_id 'health/" + NOT_AN_ID);

    Path settlements = copyReference(temp.resolve("settlements"));
    set(settlements.resolve("settlements.csv"), 3, 6, "../OF-02");
    assertThatThrownBy(() -> Registry.load(settlements))
        .hasMessage(
            settlements.resolve("settlements.csv") + " line 3: office_id '../OF-02" + NOT_AN_ID);
  }

  @Test
  void duplicatesIgnoringCaseFailNamingBothLines() {
    Path offices = copyReference(temp.resolve("offices"));
    set(offices.resolve("offices.csv"), 5, 0, "of-02");
    assertThatThrownBy(() -> Registry.load(offices))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            offices.resolve("offices.csv")
                + " line 5: office_id 'of-02' is the same as 'OF-02' on line 3"
                + IGNORING_CASE);

    Path agencies = copyReference(temp.resolve("agencies"));
    column(agencies.resolve("agencies.csv"), 0, id -> id.toUpperCase(Locale.ROOT));
    set(agencies.resolve("agencies.csv"), 9, 0, "power_distribution");
    assertThatThrownBy(() -> Registry.load(agencies))
        .hasMessage(
            agencies.resolve("agencies.csv")
                + " line 9: agency_id 'power_distribution' is the same as 'POWER_DISTRIBUTION' on"
                + " line 3"
                + IGNORING_CASE);

    Path settlements = copyReference(temp.resolve("settlements"));
    set(settlements.resolve("settlements.csv"), 20, 0, "Ahv-007");
    assertThatThrownBy(() -> Registry.load(settlements))
        .hasMessage(
            settlements.resolve("settlements.csv")
                + " line 20: settlement_id 'Ahv-007' is the same as 'AHV-007' on line 8"
                + IGNORING_CASE);
  }

  @Test
  void aSettlementOfAnOfficeNotInOfficesCsvFails() {
    Path reference = reference();
    set(reference.resolve("settlements.csv"), 4, 6, "OF-99");
    assertThatThrownBy(() -> Registry.load(reference))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            reference.resolve("settlements.csv")
                + " line 4: office_id 'OF-99' is not in offices.csv"
                + IGNORING_CASE);
  }

  @Test
  void theFirstErrorInFileOrderIsReported() {
    Path reference = reference();
    set(reference.resolve("settlements.csv"), 2, 0, "../province");
    set(reference.resolve("agencies.csv"), 12, 0, "a b");
    set(reference.resolve("agencies.csv"), 6, 0, "WATER_wastewater");
    set(reference.resolve("agencies.csv"), 15, 3, "0");
    assertThatThrownBy(() -> Registry.load(reference))
        .hasMessage(
            reference.resolve("agencies.csv")
                + " line 6: agency_id 'WATER_wastewater' is the same as 'water_wastewater' on"
                + " line 2"
                + IGNORING_CASE);
    set(reference.resolve("offices.csv"), 28, 0, "OF/27");
    assertThatThrownBy(() -> Registry.load(reference))
        .hasMessage(reference.resolve("offices.csv") + " line 28: office_id 'OF/27" + NOT_AN_ID);
  }

  @Test
  void lineNumbersCountTheLinesOfAValueThatSpansSeveral() {
    Path reference = reference();
    set(reference.resolve("settlements.csv"), 3, 1, "منبع\nآب");
    // Row 5 of the rewritten file starts on line 6: row 3 spans lines 3 and 4.
    set(reference.resolve("settlements.csv"), 5, 0, "AHV:004");
    assertThatThrownBy(() -> Registry.load(reference))
        .hasMessage(
            reference.resolve("settlements.csv") + " line 6: settlement_id 'AHV:004" + NOT_AN_ID);
  }

  @Test
  void otherRowErrorsStillNameFileAndLine() {
    Path reference = reference();
    set(reference.resolve("settlements.csv"), 9, 9, "volcano");
    assertThatThrownBy(() -> Registry.load(reference))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            reference.resolve("settlements.csv") + " line 9: hazard 'volcano' is not one of");
  }

  @Test
  void aRegistryBuiltInCodeGoesThroughTheSameChecks() {
    Registry shipped = Fixtures.registry();
    List<Settlement> settlements = new ArrayList<>(shipped.settlements());
    Settlement first = settlements.get(0);
    settlements.set(0, withIds(first, "AHV/001", first.officeId()));
    assertThatThrownBy(
            () ->
                new Registry(settlements, shipped.offices(), shipped.agencies(), shipped.aliases()))
        .isInstanceOf(RegistryException.class)
        .hasMessage("registry (settlements): settlement_id 'AHV/001" + NOT_AN_ID);

    settlements.set(0, withIds(first, "ahv-002", first.officeId()));
    assertThatThrownBy(
            () ->
                new Registry(settlements, shipped.offices(), shipped.agencies(), shipped.aliases()))
        .hasMessage(
            "registry (settlements): settlement_id 'AHV-002' is the same as 'ahv-002'"
                + IGNORING_CASE);

    settlements.set(0, withIds(first, first.id(), "OF-99"));
    assertThatThrownBy(
            () ->
                new Registry(settlements, shipped.offices(), shipped.agencies(), shipped.aliases()))
        .hasMessage(
            "registry (settlements): office_id 'OF-99' is not in the registry's offices"
                + IGNORING_CASE);

    settlements.set(0, withIds(first, first.id(), "of-01"));
    Registry registry =
        new Registry(settlements, shipped.offices(), shipped.agencies(), shipped.aliases());
    assertThat(registry.settlement(first.id())).map(Settlement::officeId).contains("OF-01");
  }

  // A copy under other ids, as Registry's private withOffice copies one: the record has no wither.
  private static Settlement withIds(Settlement s, String id, String officeId) {
    return new Settlement(
        id,
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
}
