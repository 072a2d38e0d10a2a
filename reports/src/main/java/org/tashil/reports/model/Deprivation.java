package org.tashil.reports.model;

/**
 * The ten household deprivations (docs/indicators.md §2.1), in the order the reports list them. The
 * first five are UN-Habitat's slum-household deprivations.
 */
public enum Deprivation {
  WATER,
  SANITATION,
  CROWDING,
  DURABLE_HOUSING,
  TENURE,
  ELECTRICITY,
  GAS,
  SCHOOLING,
  INSURANCE,
  EMPLOYMENT;

  /** The resource-bundle key of the deprivation's name. */
  public String labelKey() {
    return "deprivation." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
