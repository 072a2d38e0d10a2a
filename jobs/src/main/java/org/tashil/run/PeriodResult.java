package org.tashil.run;

import java.util.Objects;
import java.util.Optional;
import org.tashil.aggregate.AggregateJob;
import org.tashil.ingest.IngestJob;
import org.tashil.render.RenderJob;

/**
 * What one period's run left: its record, and for the command's summary what each stage that ran
 * returned.
 *
 * @param record the run record written for the period
 * @param seconds from the start of the period's work to its record written
 * @param sameAs the last successful run whose inputs were the same, when {@code run} found nothing
 *     to do
 */
public record PeriodResult(
    RunRecord record,
    double seconds,
    Optional<RunRecord> sameAs,
    Optional<IngestJob.Result> ingested,
    Optional<AggregateJob.Result> aggregated,
    Optional<RenderJob.Result> rendered) {

  public PeriodResult {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(sameAs, "sameAs");
    Objects.requireNonNull(ingested, "ingested");
    Objects.requireNonNull(aggregated, "aggregated");
    Objects.requireNonNull(rendered, "rendered");
    if (seconds < 0) {
      throw new IllegalArgumentException("a run takes no less than 0 s, not " + seconds);
    }
  }

  /** A period whose record says it was not run: nothing arrived yet, or nothing changed. */
  static PeriodResult notRun(RunRecord record, Optional<RunRecord> sameAs) {
    return new PeriodResult(
        record, 0, sameAs, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A period whose stages ran, with what they returned. */
  static PeriodResult ran(RunRecord record, double seconds, PeriodStages.Done done) {
    return new PeriodResult(
        record, seconds, Optional.empty(), done.ingested(), done.aggregated(), done.rendered());
  }
}
