package org.tashil.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fingerprint {@code run} compares is the same in every JVM, and changes with any input. */
class TestPeriodInputs {

  private static final RunRecord.Input FILE =
      new RunRecord.Input("OF-01", "demands", "1405-08/OF-01/demands.csv", 935, "ab12", null, null);

  private static PeriodInputs inputs(Map<String, String> settings, String sha) {
    return new PeriodInputs(
        "1405-08",
        List.of(
            new RunRecord.Input(
                FILE.office(), FILE.dataset(), FILE.file(), FILE.bytes(), sha, null, null)),
        Map.of("settlements.csv", "cd34", "offices.csv", "ef56"),
        Map.of("version", "0.1.0", "built", "2026-11-28T02:30:36Z"),
        settings);
  }

  @Test
  void theOrderMapsHappenToIterateInDoesNotMatter() {
    Map<String, String> one = new LinkedHashMap<>();
    one.put("lang", "fa");
    one.put("on-time-days", "10");
    Map<String, String> other = new LinkedHashMap<>();
    other.put("on-time-days", "10");
    other.put("lang", "fa");
    assertThat(inputs(one, "ab12").fingerprint()).isEqualTo(inputs(other, "ab12").fingerprint());
  }

  @Test
  void aChangedFileOrSettingChangesTheFingerprint() {
    String base = inputs(Map.of("lang", "fa"), "ab12").fingerprint();
    assertThat(inputs(Map.of("lang", "fa"), "ab13").fingerprint()).isNotEqualTo(base);
    assertThat(inputs(Map.of("lang", "en"), "ab12").fingerprint()).isNotEqualTo(base);
  }
}
