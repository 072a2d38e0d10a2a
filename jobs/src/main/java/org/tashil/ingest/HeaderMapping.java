package org.tashil.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tashil.reference.ColumnAliases;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersianText;

/**
 * Which position of a file's header holds which canonical column. Headers match canonical names
 * case-insensitively, then aliases; a KoboToolbox/ODK group path ({@code group_x/water}) matches on
 * its last segment. Personal columns are dropped, other unknown columns ignored.
 *
 * @param positions canonical column → index in the file's records
 * @param dropped headers of personal columns, in file order
 * @param ignored headers of unknown columns, in file order
 * @param duplicated canonical columns that more than one header maps to
 */
public record HeaderMapping(
    Map<String, Integer> positions,
    List<String> dropped,
    List<String> ignored,
    List<String> duplicated) {

  public HeaderMapping {
    positions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    dropped = List.copyOf(dropped);
    ignored = List.copyOf(ignored);
    duplicated = List.copyOf(duplicated);
  }

  private static final int MAX_SHOWN = 64;

  public static HeaderMapping of(
      OfficeDataset dataset, List<String> header, ColumnAliases aliases) {
    Map<String, Integer> positions = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    Set<String> duplicated = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String written = header.get(i) == null ? "" : header.get(i);
      if (PersianText.normalize(written) == null) {
        continue;
      }
      Optional<String> column = canonical(dataset, written, aliases);
      if (column.isPresent()) {
        if (positions.putIfAbsent(column.get(), i) != null) {
          duplicated.add(column.get());
        }
      } else if (PersonalColumns.isPersonal(written)) {
        dropped.add(shown(written));
      } else {
        ignored.add(shown(written));
      }
    }
    return new HeaderMapping(positions, dropped, ignored, new ArrayList<>(duplicated));
  }

  /** Required columns the header lacks, in schema order. */
  public List<String> missing(OfficeDataset dataset) {
    return dataset.schema().requiredHeaders().stream()
        .filter(column -> !positions.containsKey(column))
        .toList();
  }

  private static Optional<String> canonical(
      OfficeDataset dataset, String written, ColumnAliases aliases) {
    for (String candidate : List.of(written, lastSegment(written))) {
      String key = PersianText.key(candidate).replace(' ', '_').replace('-', '_');
      Optional<String> direct =
          dataset.schema().columns().stream()
              .map(Column::name)
              .filter(name -> name.equals(key))
              .findFirst();
      if (direct.isPresent()) {
        return direct;
      }
      Optional<String> alias = aliases.column(dataset, candidate);
      if (alias.isPresent()) {
        return alias;
      }
    }
    return Optional.empty();
  }

  /**
   * A header as records show it: normalised, any national id or phone number in it masked, and cut
   * short when a broken file makes it huge.
   */
  private static String shown(String header) {
    String normalized = org.tashil.text.PersonalValues.masked(PersianText.normalize(header));
    return normalized.length() <= MAX_SHOWN ? normalized : normalized.substring(0, MAX_SHOWN) + "…";
  }

  private static String lastSegment(String header) {
    String trimmed = header.trim();
    int slash = trimmed.lastIndexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(slash + 1).toLowerCase(Locale.ROOT);
  }
}
