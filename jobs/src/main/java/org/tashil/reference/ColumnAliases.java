package org.tashil.reference;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersianText;

/**
 * Other names for canonical headers ({@code کد محله} → settlement_id) and labels for enumeration
 * values ({@code بله} → yes), per dataset, from {@code column_aliases.csv}. Keys are compared
 * normalised and lower-cased.
 */
public final class ColumnAliases implements Serializable {

  public static final String VALUE_PREFIX = "value:";

  private final Map<OfficeDataset, Map<String, String>> headers = new HashMap<>();
  private final Map<OfficeDataset, Map<String, String>> values = new HashMap<>();

  public static ColumnAliases none() {
    return new ColumnAliases();
  }

  void add(OfficeDataset dataset, String alias, String target) {
    if (target.startsWith(VALUE_PREFIX)) {
      values
          .computeIfAbsent(dataset, d -> new HashMap<>())
          .put(PersianText.key(alias), target.substring(VALUE_PREFIX.length()));
    } else {
      headers.computeIfAbsent(dataset, d -> new HashMap<>()).put(PersianText.key(alias), target);
    }
  }

  /** The canonical column a header stands for, when it is an alias. */
  public Optional<String> column(OfficeDataset dataset, String header) {
    return Optional.ofNullable(
        headers.getOrDefault(dataset, Map.of()).get(PersianText.key(header)));
  }

  /** The enumeration value a label stands for, when it is an alias ({@code خیر} → no). */
  public Optional<String> value(OfficeDataset dataset, String label) {
    return Optional.ofNullable(values.getOrDefault(dataset, Map.of()).get(PersianText.key(label)));
  }

  /** Every value alias of a dataset, label → value; the generator writes Persian labels from it. */
  public Map<String, String> valueLabels(OfficeDataset dataset) {
    return Map.copyOf(values.getOrDefault(dataset, Map.of()));
  }

  /** Every header alias of a dataset, alias → column. */
  public Map<String, String> headerAliases(OfficeDataset dataset) {
    return Map.copyOf(headers.getOrDefault(dataset, Map.of()));
  }
}
