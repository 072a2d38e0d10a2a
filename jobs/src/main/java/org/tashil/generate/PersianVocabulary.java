package org.tashil.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tashil.reference.ColumnAliases;
import org.tashil.schema.OfficeDataset;

/**
 * The Persian headers and enumeration labels offices write, taken from the registry's alias file so
 * that whatever the generator writes the ingest can read. A label shared by several values' columns
 * ({@code بدون برق} and {@code بدون مدرک} both mean {@code none}) is matched to its column by a
 * hint, so a tenure column does not say "no electricity".
 */
final class PersianVocabulary {

  private static final Map<String, String> HINTS =
      Map.of("electricity:none", "برق", "tenure:none", "مدرک");

  /** Per dataset, canonical column → its Persian headers, sorted. */
  private final Map<OfficeDataset, Map<String, List<String>>> headers =
      new EnumMap<>(OfficeDataset.class);

  /** Per dataset, canonical value → its Persian labels, sorted. */
  private final Map<OfficeDataset, Map<String, List<String>>> labels =
      new EnumMap<>(OfficeDataset.class);

  PersianVocabulary(ColumnAliases aliases) {
    for (OfficeDataset dataset : OfficeDataset.values()) {
      headers.put(dataset, persianByTarget(aliases.headerAliases(dataset)));
      labels.put(dataset, persianByTarget(aliases.valueLabels(dataset)));
    }
  }

  /** A Persian header for the column, or the canonical name when the registry has none. */
  String header(OfficeDataset dataset, String column, SplittableRandom random) {
    List<String> candidates = headers.get(dataset).getOrDefault(column, List.of());
    return candidates.isEmpty() ? column : candidates.get(random.nextInt(candidates.size()));
  }

  /**
   * Chooses, for one file, a Persian label for every enumeration value of every column: column →
   * value → label. Values without a Persian label are written as they are.
   */
  Map<String, Map<String, String>> labelsForFile(OfficeDataset dataset, SplittableRandom random) {
    Map<String, Map<String, String>> chosen = new TreeMap<>();
    dataset.schema().columns().stream()
        .filter(column -> !column.values().isEmpty())
        .forEach(
            column -> {
              Map<String, String> byValue = new TreeMap<>();
              for (String value : column.values()) {
                List<String> candidates = candidates(dataset, column.name(), value);
                if (!candidates.isEmpty()) {
                  byValue.put(value, candidates.get(random.nextInt(candidates.size())));
                }
              }
              chosen.put(column.name(), byValue);
            });
    return chosen;
  }

  private List<String> candidates(OfficeDataset dataset, String column, String value) {
    List<String> all = labels.get(dataset).getOrDefault(value, List.of());
    String hint = HINTS.get(column + ":" + value);
    if (hint == null) {
      return all;
    }
    List<String> hinted = all.stream().filter(label -> label.contains(hint)).toList();
    return hinted.isEmpty() ? all : hinted;
  }

  private static Map<String, List<String>> persianByTarget(Map<String, String> aliasToTarget) {
    Map<String, List<String>> byTarget = new TreeMap<>();
    new TreeMap<>(aliasToTarget)
        .forEach(
            (alias, target) -> {
              if (isPersian(alias)) {
                byTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(alias);
              }
            });
    return byTarget;
  }

  private static boolean isPersian(String text) {
    return text.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
  }
}
