package org.tashil.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.LocalFolders;
import org.tashil.SparkTests;

/**
 * The registry's spelling of ids through the command line: offices' files match it ignoring case
 * and the warehouse stores it; a registry with an id that is not one stops every command before
 * anything is read or written.
 */
class TestRegistrySpellings {

  private static final Path OF01 = Path.of("src/test/resources/inbox/1405-08/OF-01");

  @TempDir Path temp;

  private static CommandResult validate(Path reference, Path folder) {
    return tashil(
        "validate",
        "--period",
        "1405-08",
        "--reference",
        reference.toString(),
        "--lang",
        "en",
        folder.toString());
  }

  /** The problems validate printed whose code is about the registry's ids. */
  private static List<String> idProblems(CommandResult run) {
    return run.out()
        .lines()
        .filter(
            line ->
                line.contains("UNKNOWN_AGENCY")
                    || line.contains("UNKNOWN_SETTLEMENT")
                    || line.contains("WRONG_OFFICE"))
        .map(String::strip)
        .toList();
  }

  @Test
  void officesFilesMatchTheRegistryIgnoringCaseAndTheWarehouseStoresItsSpelling() {
    Path reference = TestRegistry.otherSpellings(temp.resolve("reference"));

    // Agencies written water_wastewater and WATER_WASTEWATER, settlements AHV-001: all found.
    // What is left is only what the sample holds on purpose: a settlement and an agency that are
    // in no registry, and another office's settlement, named in the registry's spelling.
    CommandResult shipped = validate(Fixtures.REFERENCE, OF01);
    CommandResult respelled = validate(reference, OF01);
    assertThat(respelled.exitCode()).as(respelled.err()).isEqualTo(1);
    assertThat(idProblems(respelled))
        .containsExactly(
            "demands.csv:6  agency_id  UNKNOWN_AGENCY  agency \"unknown_agency\" is not in the"
                + " registry",
            "households.csv:9  settlement_id  UNKNOWN_SETTLEMENT  settlement \"AHV-999\" is not in"
                + " the registry",
            "households.csv:10  settlement_id  WRONG_OFFICE  settlement ahv-002 is served by office"
                + " OF-02, not by OF-01");
    assertThat(respelled.out().replace("ahv-002", "AHV-002")).isEqualTo(shipped.out());

    // The office's folder in another spelling than the registry's is the same office.
    Path lowerCaseFolder = LocalFolders.copy(OF01, temp.resolve("of-01"));
    CommandResult folder = validate(reference, lowerCaseFolder);
    assertThat(idProblems(folder)).isEqualTo(idProblems(respelled));
    assertThat(folder.out().replace(lowerCaseFolder.toString(), OF01.toString()))
        .isEqualTo(respelled.out());

    SparkTests.session();
    Path inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    String warehouse = temp.resolve("warehouse").toString();
    CommandResult ingest =
        tashil(
            "ingest",
            "--period",
            "1405-08",
            "--inbox",
            inbox.toString(),
            "--warehouse",
            warehouse,
            "--reference",
            reference.toString());
    assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
    assertThat(ingest.out()).containsPattern("demands +6 rows read +2 accepted");

    CommandResult agencies =
        tashil(
            "query",
            "--warehouse",
            warehouse,
            "SELECT DISTINCT agency_id FROM clean_demands ORDER BY agency_id");
    assertThat(agencies.exitCode()).as(agencies.err()).isZero();
    assertThat(agencies.out()).isEqualToNormalizingNewlines("agency_id\nWATER_WASTEWATER\n");

    CommandResult settlements =
        tashil(
            "query",
            "--warehouse",
            warehouse,
            "SELECT DISTINCT settlement_id FROM clean_households"
                + " UNION SELECT DISTINCT settlement_id FROM clean_demands"
                + " UNION SELECT DISTINCT settlement_id FROM clean_activities"
                + " ORDER BY settlement_id");
    assertThat(settlements.exitCode()).as(settlements.err()).isZero();
    List<String> ids = settlements.out().lines().skip(1).toList();
    assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(id).matches("ahv-[0-9]{3}"));
  }

  @Test
  void aRegistryWithAnIdThatIsNotOneStopsTheRunBeforeAnythingIsWritten() throws Exception {
    Path reference = TestRegistry.copyReference(temp.resolve("reference"));
    TestRegistry.set(reference.resolve("settlements.csv"), 7, 0, "../province");
    Path inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    Path warehouse = temp.resolve("warehouse");
    Path reports = temp.resolve("reports");

    CommandResult run =
        tashil(
            "run",
            "--period",
            "1405-08",
            "--inbox",
            inbox.toString(),
            "--warehouse",
            warehouse.toString(),
            "--reports",
            reports.toString(),
            "--reference",
            reference.toString(),
            "--lang",
            "en");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "settlements.csv line 7: settlement_id '../province' is not an id: 1 to 64 letters,"
                + " digits, '-' or '_'");
    assertThat(warehouse).doesNotExist();
    assertThat(reports).doesNotExist();
    assertThat(temp.resolve("province.pdf")).doesNotExist();
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)))
          .containsExactlyInAnyOrder("reference", "inbox");
    }
  }
}
