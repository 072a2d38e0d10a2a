package org.tashil.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.cli.Settings;
import org.tashil.cli.Tashil;
import org.tashil.cli.UsageException;
import org.tashil.run.WarehouseLock.HeldException;
import picocli.CommandLine;

/**
 * The warehouse lock on a shared file system ({@link SharedFileSystem}, whose create without
 * overwriting is atomic as HDFS's and S3's are): one holder however many runs race for a stale
 * lock, a heartbeat that keeps a live holder's lock, a release that leaves a successor's lock, and
 * the stale setting.
 */
class TestWarehouseLock {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final String ELSEWHERE = "elsewhere.example";
  private static final Duration PATIENCE = Duration.ofMinutes(1);

  @TempDir Path temp;

  private final Configuration hadoop = SharedFileSystem.configuration();
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @Test
  void manyRunsRacingForOneStaleLockLeaveExactlyOneHolder() throws Exception {
    int runs = 8;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      for (int round = 0; round < 20; round++) {
        String stale =
            round % 2 == 0
                ? leaveLock(RunLog.host(), endedProcess(), Instant.now(), Duration.ofDays(2))
                : leaveLock(ELSEWHERE, 4242, Instant.now(), Duration.ofDays(2));
        CyclicBarrier start = new CyclicBarrier(runs);
        List<Future<WarehouseLock>> attempts = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          attempts.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      return acquire(TEN_MINUTES);
                    } catch (HeldException e) {
                      assertThat(e).hasMessageContaining("another run holds the warehouse");
                      return null;
                    }
                  }));
        }
        List<WarehouseLock> holders = new ArrayList<>();
        for (Future<WarehouseLock> attempt : attempts) {
          WarehouseLock holder = attempt.get();
          if (holder != null) {
            holders.add(holder);
          }
        }
        try {
          assertThat(holders).as("holders in round %d", round).hasSize(1);
          // Taken over by the run that claimed it, or created by one that found it gone between
          // that run's delete and its create (which then lost).
          assertThat(holders.get(0).takenOver())
              .satisfiesAnyOf(
                  taken -> assertThat(taken).contains(stale), taken -> assertThat(taken).isEmpty());
          assertThat(lockFile()).content().doesNotContain(stale);
        } finally {
          holders.forEach(WarehouseLock::close);
        }
        assertThat(lockFile()).doesNotExist();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesRacingForOneStaleLockLeaveExactlyOneHolder() throws Exception {
    leaveLock(RunLog.host(), endedProcess(), Instant.now(), Duration.ofDays(2));
    Path go = temp.resolve("go");
    List<Processes.Tashil> contenders = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      contenders.add(
          Processes.java(
              List.of(), LockContender.class.getName(), warehouse(), go.toString(), "1000"));
    }
    for (Processes.Tashil contender : contenders) {
      contender.awaitLine(line -> line.equals("ready"), PATIENCE);
    }
    Files.createFile(go);
    List<String> outcomes = new ArrayList<>();
    for (Processes.Tashil contender : contenders) {
      assertThat(contender.waitFor(PATIENCE)).as(contender.output()).isZero();
      outcomes.add(
          contender.awaitLine(
              line -> line.startsWith("acquired") || line.startsWith("another run holds"),
              PATIENCE));
    }
    assertThat(outcomes).filteredOn(line -> line.startsWith("acquired")).hasSize(1);
    assertThat(outcomes)
        .filteredOn(line -> line.startsWith("another run holds the warehouse"))
        .hasSize(1);
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aLiveHolderOfThisMachineIsNotTakenOverWhenItsHeartbeatStops() throws Exception {
    Duration staleAfter = Duration.ofMillis(200);
    try (WarehouseLock holder = acquire(staleAfter)) {
      String line = Files.readString(lockFile());
      holder.stopHeartbeat();
      Thread.sleep(3 * staleAfter.toMillis());
      assertThatThrownBy(() -> acquire(staleAfter))
          .isInstanceOf(HeldException.class)
          .hasMessageContaining("another run holds the warehouse")
          .hasMessageContaining(line);
      assertThat(Files.readString(lockFile())).isEqualTo(line);
    }
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aHolderOfAnotherMachineIsTakenOverOnceItsHeartbeatIsOlderThanTheSettingNotBefore()
      throws Exception {
    Duration staleAfter = Duration.ofSeconds(1);
    WarehouseLock holder = acquire(ELSEWHERE, staleAfter);
    try {
      // Held longer than the setting, beating: not stale.
      Thread.sleep(staleAfter.toMillis() * 3 / 2);
      assertThatThrownBy(() -> acquire(staleAfter))
          .isInstanceOf(HeldException.class)
          .hasMessageContaining("host=" + ELSEWHERE);
      holder.stopHeartbeat();
      assertThatThrownBy(() -> acquire(staleAfter))
          .isInstanceOf(HeldException.class)
          .hasMessageContaining("host=" + ELSEWHERE);
      Thread.sleep(staleAfter.toMillis() + 300);
      try (WarehouseLock successor = acquire(staleAfter)) {
        assertThat(successor.takenOver())
            .hasValueSatisfying(line -> assertThat(line).contains("host=" + ELSEWHERE));
      }
    } finally {
      holder.close();
    }
  }

  @Test
  void aSuccessorsLockSurvivesTheOldHoldersClose() throws Exception {
    WarehouseLock holder = acquire(ELSEWHERE, TEN_MINUTES);
    holder.stopHeartbeat();
    ageLockFiles(Duration.ofDays(2)); // as a holder stopped for two days leaves them
    try (WarehouseLock successor = acquire(TEN_MINUTES)) {
      String successorLine = Files.readString(lockFile());
      holder.close();
      assertThat(lockFile()).hasContent(successorLine);
      assertThat(warnings)
          .anySatisfy(
              warning ->
                  assertThat(warning)
                      .contains("another run took over the warehouse lock")
                      .contains(successorLine));
    }
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aFreshLockIsNeverTakenOver() throws Exception {
    String ended = leaveLock(RunLog.host(), endedProcess(), Instant.now(), Duration.ZERO);
    assertThatThrownBy(() -> acquire(TEN_MINUTES))
        .isInstanceOf(HeldException.class)
        .hasMessageContaining("another run holds the warehouse")
        .hasMessageContaining(ended);
    String elsewhere = leaveLock(ELSEWHERE, 4242, Instant.now(), Duration.ofMinutes(9));
    assertThatThrownBy(() -> acquire(TEN_MINUTES))
        .isInstanceOf(HeldException.class)
        .hasMessageContaining(elsewhere);
    assertThat(Files.readString(lockFile())).isEqualTo(elsewhere);
  }

  @Test
  void aLiveProcessOfThisMachineKeepsItsLockHoweverOldItsHeartbeat() throws Exception {
    String line =
        leaveLock(RunLog.host(), ProcessHandle.current().pid(), Instant.now(), Duration.ofDays(2));
    assertThatThrownBy(() -> acquire(TEN_MINUTES))
        .isInstanceOf(HeldException.class)
        .hasMessageContaining("another run holds the warehouse")
        .hasMessageContaining(line);
    assertThat(Files.readString(lockFile())).isEqualTo(line);
  }

  @Test
  void aLockWhoseProcessNumberWasGivenToALaterProcessIsTakenOver() throws Exception {
    // This process started after the lock was taken: it is not the process the lock names.
    String line =
        leaveLock(
            RunLog.host(),
            ProcessHandle.current().pid(),
            Instant.now().minus(Duration.ofDays(3)),
            Duration.ofDays(2));
    try (WarehouseLock lock = acquire(TEN_MINUTES)) {
      assertThat(lock.takenOver()).contains(line);
    }
  }

  @Test
  void aLockOfAnEarlierTashilIsJudgedByItsHolderAndItsAge() throws Exception {
    String live =
        "command=run_1405-08 host="
            + RunLog.host()
            + " pid="
            + ProcessHandle.current().pid()
            + " since="
            + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    writeLock(live, Duration.ofDays(2));
    assertThatThrownBy(() -> acquire(TEN_MINUTES))
        .isInstanceOf(HeldException.class)
        .hasMessageContaining(live);
    // Of another machine: it had no heartbeat, so it stands the 12 hours it had then.
    String elsewhere = "command=run_1405-08 host=" + ELSEWHERE + " pid=4242 since=" + Instant.now();
    writeLock(elsewhere, Duration.ofMinutes(11));
    assertThatThrownBy(() -> acquire(TEN_MINUTES)).isInstanceOf(HeldException.class);
    writeLock(elsewhere, Duration.ofHours(13));
    try (WarehouseLock lock = acquire(TEN_MINUTES)) {
      assertThat(lock.takenOver()).contains(elsewhere);
    }
  }

  @Test
  void theStaleSettingIsADurationFromTheOptionTheEnvironmentTheFileOrItsDefault()
      throws IOException {
    assertThat(config(Map.of(), "--lock-stale-after", "90s"))
        .contains("lock-stale-after = 90s (90 seconds)    # option --lock-stale-after");
    assertThat(config(Map.of("TASHIL_LOCK_STALE_AFTER", "1h")))
        .contains("lock-stale-after = 1h (3600 seconds)    # environment TASHIL_LOCK_STALE_AFTER");
    Path file = Files.createDirectories(temp.resolve("settings")).resolve("tashil.properties");
    Files.writeString(file, "lock-stale-after=2d\n");
    assertThat(config(Map.of(), "--config", file.toString()))
        .contains("lock-stale-after = 2d (172800 seconds)    # file " + file);
    assertThat(config(Map.of())).contains("lock-stale-after = 10m (600 seconds)    # default");
    assertThat(config(Map.of(), "--lock-stale-after", "15M"))
        .contains("lock-stale-after = 15M (900 seconds)");
  }

  @Test
  void aBadStaleSettingExitsTwoBeforeTheLockIsTaken() {
    for (String bad : List.of("10", "10 minutes", "0s", "-5m", "1.5h", "PT10M")) {
      CommandResult result =
          Fixtures.tashil(
              "ingest",
              "--period",
              "1405-08",
              "--lock-stale-after",
              bad,
              "--warehouse",
              temp.resolve("warehouse").toString(),
              "--reference",
              Fixtures.REFERENCE.toString());
      assertThat(result.exitCode()).as(bad).isEqualTo(Tashil.USAGE);
      assertThat(result.err())
          .contains(
              "--lock-stale-after is a duration such as 10m, 90s or 1h (at least 1s), not '"
                  + bad
                  + "'");
    }
    assertThat(temp.resolve("warehouse")).doesNotExist();
    assertThatThrownBy(
            () ->
                Settings.load(
                    new String[] {"config"}, Map.of("TASHIL_LOCK_STALE_AFTER", "0s"), temp))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "bad value '0s' for lock-stale-after (environment TASHIL_LOCK_STALE_AFTER): a duration"
                + " such as 10m, 90s or 1h (at least 1s)");
  }

  private WarehouseLock acquire(Duration staleAfter) {
    return acquire(RunLog.host(), staleAfter);
  }

  /** The lock taken by this process, named as a run of {@code host}. */
  private WarehouseLock acquire(String host, Duration staleAfter) {
    return WarehouseLock.acquire(
        warehouse(), "run 1405-08", hadoop, staleAfter, host, warnings::add);
  }

  private String warehouse() {
    return SharedFileSystem.uri(temp.resolve("warehouse"));
  }

  private Path lockFile() {
    return temp.resolve("warehouse/" + WarehouseLock.FILE);
  }

  /** A lock as a run of {@code host} and process {@code pid} left it; its line. */
  private String leaveLock(String host, long pid, Instant since, Duration heartbeatAge)
      throws IOException {
    String line =
        "command=run_1405-08 host="
            + host
            + " pid="
            + pid
            + " since="
            + since.truncatedTo(ChronoUnit.SECONDS)
            + " token="
            + UUID.randomUUID();
    writeLock(line, heartbeatAge);
    return line;
  }

  /** The lock file holding {@code line}, last written {@code age} ago. */
  private void writeLock(String line, Duration age) throws IOException {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), line);
    Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(age)));
  }

  /** Makes the lock and its heartbeats look written {@code age} ago. */
  private void ageLockFiles(Duration age) throws IOException {
    try (var files = Files.list(lockFile().getParent())) {
      for (Path file :
          files
              .filter(file -> file.getFileName().toString().startsWith(WarehouseLock.FILE))
              .toList()) {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
      }
    }
  }

  /** The number of a process of this machine that has ended. */
  private static long endedProcess() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  /** What {@code tashil config} prints with these settings. */
  private String config(Map<String, String> environment, String... options) {
    List<String> args = new ArrayList<>(List.of("config"));
    args.addAll(List.of(options));
    String[] argv = args.toArray(String[]::new);
    CommandLine commandLine = Tashil.commandLine(Settings.load(argv, environment, temp));
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute(argv)).isZero();
    return out.toString();
  }
}
