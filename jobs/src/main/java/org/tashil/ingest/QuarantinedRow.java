package org.tashil.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A rejected row (contract §2.4). {@code raw} holds the row's canonical columns as the office wrote
 * them; personal and unknown columns are never kept.
 */
public record QuarantinedRow(
    int line, Map<String, String> raw, List<org.tashil.schema.Problem> problems)
    implements Serializable {

  public QuarantinedRow {
    raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a quarantined row has at least one problem");
    }
  }

  public org.tashil.schema.Problem reason() {
    return problems.get(0);
  }
}
