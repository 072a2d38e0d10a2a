package org.tashil.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.IngestedRows;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Warehouse;

/**
 * The hand-made province of src/test/resources/indicators (four settlements in two counties, three
 * offices, two agencies, four months) ingested and aggregated once per test JVM, for every test
 * that reads its marts.
 */
public final class IndicatorWarehouse {

  public static final Path FIXTURE = Path.of("src/test/resources/indicators");
  private static Warehouse warehouse;
  private static Path root;

  private IndicatorWarehouse() {}

  public static Registry registry() {
    return Registry.load(FIXTURE.resolve("reference"));
  }

  public static Path root() {
    warehouse();
    return root;
  }

  public static synchronized Warehouse warehouse() {
    if (warehouse == null) {
      try {
        root = Files.createTempDirectory("tashil-indicators");
        Path inbox = org.tashil.LocalFolders.copy(FIXTURE.resolve("inbox"), root.resolve("inbox"));
        Warehouse built = new Warehouse(SparkTests.session(), root.resolve("warehouse").toString());
        IngestJob ingest =
            new IngestJob(
                SparkTests.session(),
                registry(),
                inbox.toString(),
                built,
                org.tashil.ingest.FileChecker.DEFAULT_MAX_FILE_SIZE);
        // Each month's files are first seen 3 days after the month ends: on time.
        for (String period : List.of("1405-06", "1405-07", "1405-08", "1405-09")) {
          Period p = Period.parse(period);
          ingest.run(p, p.lastDay().plusDays(3));
        }
        // 1405-09's newer version of D4 is already in when 1405-06..08 are aggregated.
        AggregateJob aggregate = new AggregateJob(SparkTests.session(), registry(), built, 10);
        for (String period : List.of("1405-06", "1405-07", "1405-08")) {
          aggregate.run(IngestedRows.read(built, Period.parse(period)));
        }
        warehouse = built;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return warehouse;
  }
}
