package org.tashil.aggregate.marts;

import java.util.Arrays;
import java.util.List;

/**
 * Every mart, in the order the aggregate job writes them (the last five are made of rows written
 * before them), with its declared columns: the one list of a mart's column names.
 */
public enum Mart {
  SETTLEMENT_MONTH(SettlementMonth.NAME, SettlementMonth.COLUMNS),
  COUNTY_MONTH(CountyMonth.NAME, CountyMonth.COLUMNS),
  PROVINCE_MONTH(ProvinceMonth.NAME, ProvinceMonth.COLUMNS),
  CATEGORY_MONTH(CategoryMonth.NAME, CategoryMonth.COLUMNS),
  AGENCY_MONTH(AgencyMonth.NAME, AgencyMonth.COLUMNS),
  OFFICE_MONTH(OfficeMonth.NAME, OfficeMonth.COLUMNS),
  OPEN_DEMANDS(OpenDemands.NAME, OpenDemands.COLUMNS),
  QUARANTINE_REASONS(QuarantineReasons.NAME, QuarantineReasons.COLUMNS),
  QUARANTINED_ROWS(QuarantinedRows.NAME, QuarantinedRows.COLUMNS),
  OFFICE_AGENCY_MONTH(OfficeAgencyMonth.NAME, OfficeAgencyMonth.COLUMNS),
  PROVINCE_CATEGORY_MONTH(ProvinceCategoryMonth.NAME, ProvinceCategoryMonth.COLUMNS),
  TREND(Trend.NAME, Trend.COLUMNS),
  AGENCY_TREND(AgencyTrend.NAME, AgencyTrend.COLUMNS),
  OFFICE_REASONS(OfficeReasons.NAME, OfficeReasons.COLUMNS),
  QUALITY_FLAGS(QualityFlags.NAME, QualityFlags.COLUMNS);

  private final String martName;
  private final List<MartColumn> columns;

  Mart(String martName, List<MartColumn> columns) {
    this.martName = martName;
    this.columns = columns;
  }

  /** {@code settlement_month}. */
  public String martName() {
    return martName;
  }

  /** The warehouse table: {@code marts/settlement_month}. */
  public String table() {
    return "marts/" + martName;
  }

  /** The columns, in the mart's order. */
  public List<MartColumn> columns() {
    return columns;
  }

  /** Every mart's name, in the order written. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Mart::martName).toList();
  }
}
