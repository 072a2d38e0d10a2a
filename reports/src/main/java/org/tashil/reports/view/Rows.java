package org.tashil.reports.view;

/**
 * The rows the table subreports and charts read: preformatted text in the report's language and
 * digits (a chart point also carries its numeric value). JasperReports reads their components by
 * field name through {@code RecordDataSource}, so they need no bean getters.
 */
public final class Rows {

  private Rows() {}

  /** A point of a category chart: {@code value} in chart units, {@code label} as printed. */
  public record ChartPoint(String series, String category, Double value, String label) {}

  public record DeprivationRow(String deprivation, String settlement, String province) {}

  public record CategoryRow(String category, String newDemands, String resolved, String open) {}

  public record OpenDemandRow(String demandId, String category, String agency, String daysOpen) {}

  public record NoteRow(String text) {}

  /** A row of the definitions page: the term as the report prints it, and what it means. */
  public record DefinitionRow(String term, String definition) {}

  public record OfficeNoteRow(String office, String text) {}

  public record CompletenessRow(
      String office,
      String settlements,
      String households,
      Boolean householdsAlert,
      String demands,
      Boolean demandsAlert,
      String activities,
      Boolean activitiesAlert,
      String rowsRead,
      String rowsQuarantined) {}

  public record RankingRow(
      String rank,
      String settlement,
      String county,
      String households,
      String coverage,
      String slumHouseholds,
      String index) {}

  public record CountyRow(
      String county,
      String settlements,
      String households,
      String coverage,
      String slumHouseholds,
      String index,
      String newDemands,
      String open) {}

  public record AgencyRow(
      String agency,
      String slaDays,
      String newDemands,
      String resolved,
      String open,
      String overdue,
      String median,
      String slaMet,
      String oldest) {}

  public record RelocationRow(
      String settlement, String hazard, String yes, String no, String undecided) {}

  /**
   * A demand open at the period's end in an agency's report, with the headings of its county and
   * settlement groups ({@code county} and {@code settlement} are the groups' keys).
   */
  public record AgencyDemandRow(
      String county,
      String countyHeading,
      String settlement,
      String settlementHeading,
      String demandId,
      String office,
      String category,
      String priority,
      Boolean urgent,
      String status,
      String registeredOn,
      String daysOpen,
      Boolean overdue,
      String households) {}
}
