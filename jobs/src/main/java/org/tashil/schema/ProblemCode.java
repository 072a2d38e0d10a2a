package org.tashil.schema;

/**
 * Why a row was quarantined (contract §2.4). The reports module, which does not depend on this one,
 * lists the same codes as {@code org.tashil.reports.model.RejectReason}, with their labels;
 * TestReportInputs holds the two alike. Staging keeps codes of its own: every rule of ingest names
 * one, and the staging layer does not reach into the reports' model.
 */
public enum ProblemCode {
  MISSING_REQUIRED,
  BAD_NUMBER,
  OUT_OF_RANGE,
  BAD_DATE,
  FUTURE_DATE,
  BAD_ENUM,
  UNKNOWN_SETTLEMENT,
  WRONG_OFFICE,
  UNKNOWN_AGENCY,
  INCONSISTENT,
  DUPLICATE_KEY,
  /** A CSV record whose field count differs from the header's: none of its values is trusted. */
  BAD_ROW,
  /** An id column holding a national id or a phone number. */
  PERSONAL_DATA
}
