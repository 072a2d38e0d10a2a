package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/** One demand category's new, resolved and open demands in the period. */
public record CategoryFigures(DemandCategory category, long newDemands, long resolved, long open) {

  public CategoryFigures {
    requireNonNull(category, "category");
    requireCount(newDemands, "newDemands");
    requireCount(resolved, "resolved");
    requireCount(open, "open");
  }
}
