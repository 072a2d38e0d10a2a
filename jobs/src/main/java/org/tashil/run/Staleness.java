package org.tashil.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Why a period whose own inputs are those of its last successful run must run again all the same:
 * its marts read every earlier period (the household and demand states at its end, the 12-month
 * trend), so an earlier period run again since makes them stale; and the reports the last run made
 * must still be there, each as its checksum in {@code index.csv} says.
 */
public final class Staleness {

  private Staleness() {}

  /**
   * Why {@code run} would run the period, or nothing when it has nothing to do: no successful run
   * yet, its own inputs changed (files, registry, settings, program), an earlier period run since,
   * or its reports changed. What {@code run} acts on and {@code status} says.
   */
  public static Optional<String> whyRun(
      PeriodInputs inputs, Optional<RunRecord> last, RunStore store, Configuration hadoop)
      throws IOException {
    if (last.isEmpty()) {
      return Optional.of("first run of the period");
    }
    if (!inputs.fingerprint().equals(last.get().fingerprint())) {
      return Optional.of(inputs.changesSince(last.get()));
    }
    Optional<String> earlier = earlierPeriodRunSince(inputs.period(), last.get(), store);
    return earlier.isPresent() ? earlier : reportsChanged(last.get(), hadoop);
  }

  /**
   * An earlier period that changed the warehouse (an ingest, an aggregate or a whole run that
   * succeeded) after this period's last successful run began.
   */
  static Optional<String> earlierPeriodRunSince(String period, RunRecord last, RunStore store)
      throws IOException {
    for (RunRecord record : store.list(null)) {
      boolean changedWarehouse = record.succeeded() && !"render".equals(record.command());
      if (changedWarehouse
          && record.period().compareTo(period) < 0
          && record.started().compareTo(last.started()) > 0) {
        return Optional.of(
            "period "
                + record.period()
                + " was run again ("
                + record.command()
                + " "
                + record.id()
                + ") after run "
                + last.id());
      }
    }
    return Optional.empty();
  }

  /** A report the last run made that is missing or not what it wrote, or its index gone. */
  static Optional<String> reportsChanged(RunRecord last, Configuration hadoop) throws IOException {
    if (last.outputs() == null || last.outputs().reports() == null) {
      return Optional.empty();
    }
    Path folder = new Path(last.outputs().reports());
    FileSystem fs = folder.getFileSystem(hadoop);
    Path index = new Path(folder, "index.csv");
    if (!fs.exists(index)) {
      return Optional.of("the reports of run " + last.id() + " have no index.csv any more");
    }
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(fs.open(index), StandardCharsets.UTF_8))) {
      lines.readLine(); // file,kind,key,pages,sha256: the file first, its checksum last
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split(",", -1);
        if (fields.length < 4) {
          return Optional.of("the reports' index.csv of run " + last.id() + " is damaged");
        }
        Path report = new Path(folder, fields[0]);
        if (!fs.exists(report)) {
          return Optional.of(fields[0] + " of run " + last.id() + " is missing");
        }
        try (InputStream in = fs.open(report)) {
          if (!PeriodInputs.sha256(in).equals(fields[fields.length - 1])) {
            return Optional.of(fields[0] + " differs from what run " + last.id() + " wrote");
          }
        }
      }
    }
    return Optional.empty();
  }
}
