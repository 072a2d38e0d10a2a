package org.tashil.aggregate.intermediate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tashil.aggregate.HouseholdIndicators;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;
import org.tashil.ingest.FileChecker;
import org.tashil.reference.Registry;
import org.tashil.run.BuildInfo;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The as-of states carried from month to month ({@code state/households}, {@code state/demands},
 * partitioned by the period they are the state at the end of), so that a month's aggregate reads
 * its predecessor's state and its own rows, not every version since the first month.
 *
 * <p>Period P's state is the pick, by the order of {@link AsOfStates}, over P−1's state and the
 * rows sent with P. That is the pick over every version because ingest accepts no date after its
 * period's end: a version sent with an earlier period is dated on or before that period's end, so
 * P−1's state has already weighed it.
 *
 * <p>A state row keeps its version's date, period ({@code source_period}), file and line, which
 * order it against the next month's rows. A demand closed before the period began counts in no
 * figure of the period or of any later one: it is <em>retired</em>. The period it retires in keeps
 * its key and order, without its payload, so that a late copy of an older version of it still loses
 * to the version that closed it; the periods after it hold it no more. A period's partition of
 * {@code state/demands} thus holds the demands a figure may count (not retired) and those retired
 * in it; the demands retired by the period's end are those retired in the partitions from the
 * state's {@code carried_since} (the period whose state was picked from every version, and lists
 * every demand retired by then) to the period's own, less those a newer version brought back. A
 * month's aggregate reads of those only their key and order, and carries those of the keys sent in
 * it: what it reads grows with the demands closed in the years before, what it writes does not.
 *
 * <p>A state is used only when it was made from the clean rows the warehouse holds now: each row
 * carries its {@code basis}, a checksum of what those rows are a function of ({@link #basis}): the
 * files ingested for every period up to its own, the registry and the program; for demands, every
 * partition from {@code carried_since} on must match too, and still be of that chain, as the
 * retired demands come from them. A period ingested again with other files thus leaves every later
 * state unusable until the periods after it are aggregated again, in order, each from the one
 * before; a period whose predecessor's state is missing or unusable, or an aggregate {@code
 * --from-scratch}, picks the period's state from every version ({@link PackedAsOfStates}), the
 * reference the carried states are held equal to. A write gives a partition's rows one basis and
 * one {@code carried_since}, so the earlier partitions' are read from their files' footers, not
 * from their rows.
 */
public final class CarriedStates {

  /** The column of the version's period in a state, beside the state's own {@code period}. */
  static final String SOURCE_PERIOD = "source_period";

  /** Whether a demand is retired: closed before the period began, its payload left out. */
  public static final String RETIRED = "retired";

  /** The checksum of what the state was made from. */
  public static final String BASIS = "basis";

  /**
   * The period whose state was picked from every version, which this one is carried from (its own
   * when picked so): where the retired demands a carried state stands on begin.
   */
  public static final String CARRIED_SINCE = "carried_since";

  private static final List<String> CLOSED_STATUSES = List.of("resolved", "rejected", "withdrawn");
  private static final String NEWEST_FIRST = "newest_first";

  /** Bumped when what a state holds changes, so that states written before are not used. */
  private static final String FORMAT = "tashil state 2";

  private final Warehouse warehouse;
  private final Registry registry;
  private final boolean fromScratch;

  /**
   * @param fromScratch pick every period's state from every version, not from its predecessor's
   */
  public CarriedStates(Warehouse warehouse, Registry registry, boolean fromScratch) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.fromScratch = fromScratch;
  }

  /** The state tables, in the order they are written. */
  public static List<String> tables() {
    return List.of(table(VersionedEntity.HOUSEHOLDS), table(VersionedEntity.DEMANDS));
  }

  /**
   * The period's states, as the marts read them: each household's survey, with its flags ({@link
   * HouseholdIndicators#withFlags}); each demand's state that a figure of the period may count; and
   * the previous period's demand states (that the month's balance opens with), in the columns of
   * {@link AsOfStates.Source#DROPPED}. {@link #close} frees what they hold in memory.
   *
   * @param households the households as of the period, flagged
   * @param demands the demands as of the period, retired ones left out
   * @param previousDemands the demands as of the period before: when carried, retired ones left
   *     out; when picked from every version, every one (a figure counts the open ones only)
   * @param carried by entity's table, whether its state was carried from the previous period's
   * @param release frees the pick of a state from every version, held for both its write and the
   *     previous period's demands
   */
  public record States(
      Dataset<Row> households,
      Dataset<Row> demands,
      Dataset<Row> previousDemands,
      Map<String, Boolean> carried,
      Runnable release)
      implements AutoCloseable {

    /** Frees what the states hold in memory, once the marts have read them. */
    @Override
    public void close() {
      release.run();
    }
  }

  /**
   * Makes the period's states, writes them (in the caller's group of commits) and returns them read
   * back, with the previous period's demands.
   */
  public States advance(Period period) {
    List<Row> submitted = submitted(period);
    // Each pick held in memory, listed as soon as it is made: freed here if either state fails.
    List<PackedPick.Picked> held = new CopyOnWriteArrayList<>();
    List<Advanced> advanced;
    try {
      advanced =
          Parallel.all(
              List.of(
                  () -> advance(VersionedEntity.HOUSEHOLDS, period, submitted, held),
                  () -> advance(VersionedEntity.DEMANDS, period, submitted, held)));
    } catch (RuntimeException | Error e) {
      held.forEach(PackedPick.Picked::release);
      throw e;
    }
    Advanced households = advanced.get(0);
    Advanced demands = advanced.get(1);
    Map<String, Boolean> carried = new LinkedHashMap<>();
    carried.put(table(VersionedEntity.HOUSEHOLDS), households.carried());
    carried.put(table(VersionedEntity.DEMANDS), demands.carried());
    return new States(
        HouseholdIndicators.withFlags(
            households.state().select(dropped(VersionedEntity.HOUSEHOLDS))),
        live(demands.state()).select(dropped(VersionedEntity.DEMANDS)),
        demands.previousDemands(),
        Collections.unmodifiableMap(carried),
        () -> held.forEach(PackedPick.Picked::release));
  }

  /**
   * An entity's state as of the period, as written and read back; for demands, their state as of
   * the period before, as {@link States#previousDemands} (null for households); and whether the
   * state was carried from the one before.
   */
  private record Advanced(Dataset<Row> state, Dataset<Row> previousDemands, boolean carried) {}

  /**
   * Makes, writes and reads back the entity's state as of the period; a pick it holds in memory
   * goes into {@code held}.
   */
  private Advanced advance(
      VersionedEntity entity, Period period, List<Row> submitted, List<PackedPick.Picked> held) {
    Before before = fromScratch ? null : usable(entity, period.minusMonths(1), submitted);
    boolean demands = entity == VersionedEntity.DEMANDS;
    Dataset<Row> state;
    Dataset<Row> previousDemands = null;
    if (before != null) {
      state = carry(entity, before, period);
      previousDemands = demands ? live(before.previous()).select(dropped(entity)) : null;
    } else if (demands) {
      // The state as of the period and the one before, that the month's balance opens with, in
      // one pick over the years of versions, held for the state's write and the marts.
      PackedPick.Picked picked =
          new PackedAsOfStates(warehouse, registry, AsOfStates.Source.KEPT)
              .latestWithMonthBefore(entity, period, StorageLevel.MEMORY_AND_DISK());
      held.add(picked);
      state = picked(picked.rows().drop(PackedAsOfStates.MONTH_BEFORE), entity);
      previousDemands = PackedAsOfStates.asOfMonthBefore(picked.rows(), entity);
    } else {
      state =
          picked(
              new PackedAsOfStates(warehouse, registry, AsOfStates.Source.KEPT)
                  .latest(entity, period),
              entity);
    }
    if (demands) {
      state = retire(state, period);
    }
    String table = table(entity);
    // The carried state is a union of the state before and the period's pick, each in partitions
    // of its own: written as it comes, a partition has a file for each of them (six at scale 1).
    // The months after read the demands' partitions of every month since the chain began, at a
    // cost by file, not by row: at most as many files as the pick's parallelism.
    int files = Integer.parseInt(warehouse.spark().conf().get("spark.sql.shuffle.partitions"));
    warehouse.replacePeriod(
        table,
        period,
        state
            .coalesce(files)
            .withColumn(CARRIED_SINCE, lit(before == null ? period.toString() : before.since()))
            .withColumn(BASIS, lit(basis(entity, period, submitted)))
            .withColumn(Tables.PERIOD, lit(period.toString())));
    return new Advanced(
        stateColumns(warehouse.readPeriod(table, period), entity), previousDemands, before != null);
  }

  /**
   * A state a period's is carried from: the previous period's partition, for demands the demands
   * retired in the partitions before it since {@code since} (their key and order; null without
   * any), and the period its chain of carried states begins at.
   */
  private record Before(Dataset<Row> previous, Dataset<Row> retiredEarlier, String since) {

    /** Every row the state before holds: the previous partition's and the earlier retired. */
    Dataset<Row> rows() {
      return retiredEarlier == null ? previous : previous.unionByName(retiredEarlier);
    }
  }

  /**
   * The entity's state as of the period when it is there and was made from what its rows are a
   * function of now ({@code basis}), and for demands so were the partitions its retired demands
   * come from; otherwise null.
   */
  private Before usable(VersionedEntity entity, Period period, List<Row> submitted) {
    String table = table(entity);
    if (!warehouse.exists(table)) {
      return null;
    }
    Dataset<Row> state = warehouse.readPeriod(table, period);
    if (!List.of(state.columns()).contains(CARRIED_SINCE)) {
      return null; // a state of an earlier format
    }
    List<Row> stored = state.select(BASIS, CARRIED_SINCE).limit(1).collectAsList();
    if (stored.isEmpty() || !stored.get(0).getString(0).equals(basis(entity, period, submitted))) {
      return null;
    }
    String since = stored.get(0).getString(1);
    Dataset<Row> previous = stateColumns(state, entity);
    if (entity != VersionedEntity.DEMANDS || since.equals(period.toString())) {
      return new Before(previous, null, since);
    }
    // Each earlier partition's basis against what it is now, and its chain: a partition since made
    // again from its own predecessor, or picked from every version, no longer holds what this
    // chain's retired demands stand on. A write gives each column one value, which the files'
    // footers show without their rows being read.
    Period first = Period.parse(since);
    Period last = period.minusMonths(1);
    Map<Period, String> bases = bases(entity, first, last, submitted);
    if (!warehouse.holdsInEveryRow(
        table, first, last, Map.of(BASIS, bases::get, CARRIED_SINCE, any -> since))) {
      return null;
    }
    Dataset<Row> earlier = warehouse.readPeriods(table, new PeriodRange(first, last));
    // A retired row's payload is null: only its key and order are read, of the years of them.
    StructType schema = state.schema();
    return new Before(
        previous,
        earlier
            .where(col(RETIRED))
            .select(
                stateColumns(
                    entity,
                    col(SOURCE_PERIOD),
                    name -> lit(null).cast(schema.apply(name).dataType()).as(name),
                    col(RETIRED))),
        since);
  }

  /** The columns of a state row, without the state's period and basis. */
  private static Dataset<Row> stateColumns(Dataset<Row> state, VersionedEntity entity) {
    return state.select(stateColumns(entity, col(SOURCE_PERIOD), name -> col(name), col(RETIRED)));
  }

  /**
   * The state as of the period from the state before and the period's own rows: for each key sent
   * in the period, the newest of its state before and its versions sent; every other key as it
   * stood. A key whose newest is a retired demand stays retired, in the period that retired it.
   */
  private Dataset<Row> carry(VersionedEntity entity, Before before, Period period) {
    Dataset<Row> rows =
        warehouse
            .readPeriod(entity.table(), period)
            .where(col(entity.dateColumn()).leq(lit(period.lastDay())))
            .select(
                stateColumns(
                    entity,
                    col(Tables.PERIOD).as(SOURCE_PERIOD),
                    name -> entity.carriedValue(name, registry),
                    lit(false).as(RETIRED)));
    String[] key = entity.key().toArray(String[]::new);
    Dataset<Row> touched = broadcast(rows.select(keyColumns(entity)).distinct());
    Dataset<Row> candidates =
        before.rows().join(touched, toSeq(key), "left_semi").unionByName(rows);
    Dataset<Row> newest =
        candidates
            .withColumn(
                NEWEST_FIRST,
                row_number()
                    .over(
                        Window.partitionBy(keyColumns(entity))
                            .orderBy(entity.newestFirst(SOURCE_PERIOD).toArray(Column[]::new))))
            .where(col(NEWEST_FIRST).equalTo(1))
            .drop(NEWEST_FIRST);
    return live(before.previous()).join(touched, toSeq(key), "left_anti").unionByName(live(newest));
  }

  /** A state picked from every version ({@link AsOfStates.Source#KEPT}) in a state's columns. */
  private static Dataset<Row> picked(Dataset<Row> picked, VersionedEntity entity) {
    Dataset<Row> state = picked.withColumnRenamed(Tables.PERIOD, SOURCE_PERIOD);
    return entity == VersionedEntity.DEMANDS ? state.withColumn(RETIRED, lit(false)) : state;
  }

  /**
   * Retires the demands closed before the period began: they count in no figure of it or of a later
   * period (registered on or before their closing day, not open), until a newer version of them
   * comes. Their key and order stay, in the period's partition; their payload goes. The demands
   * given are the state's live ones: those retired before stay in the partitions that retired them.
   */
  private static Dataset<Row> retire(Dataset<Row> demands, Period period) {
    Column retired =
        col("status")
            .isin(CLOSED_STATUSES.toArray())
            .and(col("closed_on").lt(lit(period.firstDay())))
            .and(col("registered_on").lt(lit(period.firstDay())));
    List<Column> columns = new ArrayList<>();
    VersionedEntity entity = VersionedEntity.DEMANDS;
    for (String name : demands.columns()) {
      if (entity.carried().contains(name)) {
        columns.add(when(not(retired), col(name)).as(name));
      } else if (name.equals(RETIRED)) {
        columns.add(retired.as(RETIRED));
      } else {
        columns.add(col(name));
      }
    }
    return demands.select(columns.toArray(Column[]::new));
  }

  /** The states a figure may count: every household's; the demands not retired. */
  private static Dataset<Row> live(Dataset<Row> state) {
    return List.of(state.columns()).contains(RETIRED) ? state.where(not(col(RETIRED))) : state;
  }

  /** The key and the carried columns, as {@link AsOfStates.Source#DROPPED} returns them. */
  private static Column[] dropped(VersionedEntity entity) {
    List<Column> columns = new ArrayList<>();
    entity.key().forEach(name -> columns.add(col(name)));
    entity.carried().forEach(name -> columns.add(col(name)));
    return columns.toArray(Column[]::new);
  }

  /**
   * A state's columns in order: key, date, the version's period, file, line, the carried columns,
   * and for demands whether retired; each as given, for a state read or the rows sent made one.
   */
  private static Column[] stateColumns(
      VersionedEntity entity,
      Column sourcePeriod,
      Function<String, Column> carried,
      Column retired) {
    List<Column> columns = new ArrayList<>();
    entity.key().forEach(name -> columns.add(col(name)));
    columns.add(col(entity.dateColumn()));
    columns.add(sourcePeriod);
    columns.add(col("source_file"));
    columns.add(col("source_line"));
    entity.carried().forEach(name -> columns.add(carried.apply(name)));
    if (entity == VersionedEntity.DEMANDS) {
      columns.add(retired);
    }
    return columns.toArray(Column[]::new);
  }

  private static Column[] keyColumns(VersionedEntity entity) {
    return entity.key().stream().map(name -> col(name)).toArray(Column[]::new);
  }

  private static scala.collection.immutable.Seq<String> toSeq(String[] names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  /**
   * What the entity's state as of the period is made from, said so that the same inputs give the
   * same checksum in any warehouse: the format of states, the program's version, the entity's
   * columns, the registry, and the files ingested into the clean table for every period up to it,
   * each by its office, name, checksum, status and rows accepted ({@code submissions}). Ingest's
   * rows are a function of these, so a period ingested again with other files, or the same files
   * under another registry or program, changes the basis of its state and every later one.
   */
  String basis(VersionedEntity entity, Period period, List<Row> submitted) {
    return bases(entity, period, period, submitted).get(period);
  }

  /**
   * The {@link #basis} of the entity's state as of each period from {@code first} to {@code last},
   * in one pass over the files: a file's line begins with its dataset and period, so the text of a
   * period's basis, its files sorted, is the text of the period before's and the period's own
   * files.
   */
  Map<Period, String> bases(
      VersionedEntity entity, Period first, Period last, List<Row> submitted) {
    StringBuilder header = new StringBuilder(FORMAT).append('\n');
    header.append("program ").append(BuildInfo.program().get("version")).append('\n');
    header.append("key ").append(entity.key()).append('\n');
    header.append("date ").append(entity.dateColumn()).append('\n');
    entity.carried().forEach(name -> header.append("carried ").append(name).append('\n'));
    header.append("settlements ").append(registry.settlements()).append('\n');
    header.append("offices ").append(registry.offices()).append('\n');
    header.append("agencies ").append(registry.agencies()).append('\n');
    List<Row> files = new ArrayList<>();
    for (Row row : submitted) {
      if (row.getString(0).equals(entity.dataset().tableName())
          && row.getString(1).compareTo(last.toString()) <= 0) {
        files.add(row);
      }
    }
    files.sort(Comparator.comparing(CarriedStates::fileLine));
    MessageDigest digest = FileChecker.sha256Digest();
    digest.update(header.toString().getBytes(StandardCharsets.UTF_8));
    Map<Period, String> bases = new LinkedHashMap<>();
    int next = 0;
    for (Period period : Period.range(first, last)) {
      while (next < files.size()
          && files.get(next).getString(1).compareTo(period.toString()) <= 0) {
        digest.update((fileLine(files.get(next++)) + '\n').getBytes(StandardCharsets.UTF_8));
      }
      bases.put(period, HexFormat.of().formatHex(copy(digest).digest()));
    }
    return bases;
  }

  /** A file's line of a basis: dataset, period, office, name, checksum, status, rows accepted. */
  private static String fileLine(Row submitted) {
    return submitted.mkString("file ", " ", "");
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests here can be copied", e);
    }
  }

  /**
   * What {@link #basis} reads of {@code submissions} for both entities' states of the period and of
   * the one before, in one read: each file's dataset, period, office, name, checksum, status and
   * rows accepted, up to the period.
   */
  private List<Row> submitted(Period period) {
    if (!warehouse.exists("submissions")) {
      return List.of();
    }
    return warehouse
        .read("submissions")
        .where(col(Tables.PERIOD).leq(lit(period.toString())))
        .select(
            "dataset", Tables.PERIOD, Tables.OFFICE_ID, "file", "sha256", "status", "rows_accepted")
        .collectAsList();
  }

  private static String table(VersionedEntity entity) {
    return "state/" + entity.dataset().tableName();
  }
}
