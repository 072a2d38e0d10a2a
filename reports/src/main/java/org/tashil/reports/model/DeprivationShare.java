package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/** One deprivation's share of the province's households. */
public record DeprivationShare(Deprivation deprivation, Share share) {

  public DeprivationShare {
    requireNonNull(deprivation, "deprivation");
    requireNonNull(share, "share");
  }
}
