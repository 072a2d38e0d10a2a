package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;

/** The hand-made files of src/test/resources/inbox, checked file by file without Spark. */
class TestFileChecker {

  private static final Period ABAN = Period.parse("1405-08");
  private static final Path OFFICE = Path.of("src/test/resources/inbox/1405-08/OF-01");

  private FileOutcome.Whole check(OfficeDataset dataset, String name) {
    return CheckedFiles.check(Fixtures.registry(), ABAN, OFFICE, "OF-01", name);
  }

  private static List<String> reasons(FileOutcome.Whole outcome) {
    return outcome.quarantined().stream()
        .map(row -> row.line() + " " + row.reason().tag())
        .toList();
  }

  @Test
  void householdsFileRowsAreAcceptedOrQuarantinedWithTheirFirstReason() throws IOException {
    FileOutcome.Whole outcome = check(OfficeDataset.HOUSEHOLDS, "households.csv");
    Submission submission = outcome.submission();
    assertThat(submission.rowsRead()).isEqualTo(11);
    assertThat(submission.rowsAccepted()).isEqualTo(4);
    assertThat(submission.rowsQuarantined()).isEqualTo(7);
    assertThat(submission.status()).isEqualTo(Submission.PARTIAL);
    assertThat(outcome.accepted())
        .extracting(FileOutcome.CleanRow::line)
        .containsExactly(2, 3, 4, 5);
    assertThat(reasons(outcome))
        .containsExactly(
            "6 BAD_DATE:surveyed_on",
            "7 INCONSISTENT:children_in_school",
            "8 FUTURE_DATE:surveyed_on",
            "9 UNKNOWN_SETTLEMENT:settlement_id",
            "10 DUPLICATE_KEY:survey_id",
            "11 DUPLICATE_KEY:survey_id",
            "12 OUT_OF_RANGE:household_code");
    assertThat(outcome.quarantined().get(1).problems())
        .extracting(Problem::tag)
        .containsExactly("INCONSISTENT:children_in_school", "MISSING_REQUIRED:relocation_consent");
    assertThat(outcome.quarantined().get(4).problems())
        .extracting(Problem::tag)
        .containsExactly("DUPLICATE_KEY:survey_id", "WRONG_OFFICE:settlement_id");
  }

  @Test
  void personalColumnsAreDroppedAndNeverKept() throws IOException {
    FileOutcome.Whole outcome = check(OfficeDataset.HOUSEHOLDS, "households.csv");
    assertThat(outcome.submission().droppedColumns())
        .containsExactly("نام سرپرست", "تلفن همراه", "کد ملی");
    assertThat(outcome.submission().ignoredColumns()).containsExactly("comment");
    String everything = outcome.toString() + reasons(outcome);
    for (QuarantinedRow row : outcome.quarantined()) {
      everything += row.raw() + row.problems().toString();
    }
    for (FileOutcome.CleanRow row : outcome.accepted()) {
      everything += java.util.Arrays.toString(row.values());
    }
    assertThat(everything)
        .doesNotContain("رحیم", "کعبی", "09161234567", "1742589630", "علی احمدی")
        .contains("withheld");
  }

  @Test
  void demandsWithPersianHeadersBomSemicolonsAndQuotedNewlines() throws IOException {
    FileOutcome.Whole outcome = check(OfficeDataset.DEMANDS, "demands.csv");
    Submission submission = outcome.submission();
    assertThat(submission.encoding()).isEqualTo("UTF-8-BOM");
    assertThat(submission.delimiter()).isEqualTo("semicolon");
    assertThat(submission.rowsRead()).isEqualTo(6);
    assertThat(outcome.accepted()).extracting(FileOutcome.CleanRow::line).containsExactly(2, 4);
    assertThat(reasons(outcome))
        .containsExactly(
            "5 FUTURE_DATE:updated_on",
            "6 UNKNOWN_AGENCY:agency_id",
            "7 INCONSISTENT:referred_on",
            "8 INCONSISTENT:closed_on");
    Object[] first = outcome.accepted().get(0).values();
    assertThat(first[5]).isEqualTo(12);
    assertThat(first[7]).isEqualTo("resolved");
    Object[] second = outcome.accepted().get(1).values();
    assertThat(second[4]).isEqualTo("water_wastewater");
    assertThat(second[11]).isEqualTo("=HYPERLINK(\"http://example.invalid\",\"x\")");
  }

  @Test
  void windows1256FileIsDecodedAndSaysSo() throws IOException {
    FileOutcome.Whole outcome = check(OfficeDataset.ACTIVITIES, "activities.csv");
    Submission submission = outcome.submission();
    assertThat(submission.encoding()).isEqualTo("windows-1256");
    assertThat(submission.message(Locale.ENGLISH)).contains("Windows-1256");
    assertThat(outcome.accepted()).hasSize(2);
    assertThat(outcome.accepted().get(0).values()[3]).isEqualTo("trustee_meeting");
    assertThat(reasons(outcome)).containsExactly("4 OUT_OF_RANGE:held_on", "5 FUTURE_DATE:held_on");
  }

  @TempDir Path temporary;

  /** Writes one file into an office folder of its own and checks it. */
  private FileOutcome.Whole checkText(String officeId, String name, String content)
      throws IOException {
    Path folder = Files.createDirectories(temporary.resolve(officeId));
    Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    return CheckedFiles.check(Fixtures.registry(), ABAN, folder, officeId, name);
  }

  @Test
  void aMissingRequiredColumnRejectsTheWholeFile() throws IOException {
    Submission submission =
        checkText("OF-01", "households.csv", "survey_id,household_code\nS-1,ABCD-1\n").submission();
    assertThat(submission.status()).isEqualTo(Submission.REJECTED);
    assertThat(submission.rowsRead()).isZero();
    assertThat(submission.message(Locale.ENGLISH))
        .startsWith(
            "the first line has 2 columns and 2 of the required ones; missing:"
                + " settlement_id, surveyed_on, members");
  }

  @Test
  void koboGroupPathsMatchOnTheirLastSegment() throws IOException {
    String csv =
        "group_a/activity_id;group_a/settlement_id;group_b/held_on;group_b/kind;"
            + "group_b/participants;group_b/women_participants;_uuid\n"
            + "A-1;AHV-001;2026-11-01;workshop;10;4;8c1f\n";
    FileOutcome.Whole outcome = checkText("OF-01", "activities.csv", csv);
    assertThat(outcome.submission().rowsAccepted()).isEqualTo(1);
    assertThat(outcome.submission().ignoredColumns()).containsExactly("_uuid");
  }

  @Test
  void anOfficeNotInTheRegistryIsRejected() throws IOException {
    Submission submission = checkText("OF-99", "activities.csv", "a\n1\n").submission();
    assertThat(submission.status()).isEqualTo(Submission.REJECTED);
    assertThat(submission.message(Locale.ENGLISH)).contains("OF-99");
  }
}
