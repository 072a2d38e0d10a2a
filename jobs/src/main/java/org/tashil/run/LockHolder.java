package org.tashil.run;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds the warehouse lock, as its file names them on one line: {@code command=run_1405-08
 * host=… pid=… since=… token=…}. The token is drawn for each acquisition, so that a lock, its
 * heartbeat and a claim to take it over name one holder even when a process of the same machine and
 * number holds the warehouse again. It is empty in a lock left by an earlier Tashil, which wrote
 * none.
 */
record LockHolder(String command, String host, long pid, Instant since, String token) {

  /**
   * How much later than the lock's {@code since} a process of the holder's number may have started
   * and still be the holder: {@code since} is in whole seconds, and the operating system gives a
   * start to about a second.
   */
  private static final long START_SLACK_SECONDS = 5;

  LockHolder {
    requireNonNull(command, "command");
    requireNonNull(host, "host");
    requireNonNull(since, "since");
    requireNonNull(token, "token");
    if (command.isBlank() || host.isBlank()) {
      throw new IllegalArgumentException("a lock holder names its command and host");
    }
    if (command.contains(" ") || host.contains(" ") || token.contains(" ")) {
      throw new IllegalArgumentException("a lock holder's fields are single words");
    }
  }

  /** This process, on {@code host}, taking the lock now for {@code command}. */
  static LockHolder current(String command, String host) {
    return new LockHolder(
        command.replace(' ', '_'),
        host,
        ProcessHandle.current().pid(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        UUID.randomUUID().toString());
  }

  /** The holder a lock file's line names, if it names one whole. */
  static Optional<LockHolder> parse(String line) {
    String command = field(line, "command");
    String host = field(line, "host");
    String pid = field(line, "pid");
    String since = field(line, "since");
    String token = field(line, "token");
    if (command == null || host == null || pid == null || since == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new LockHolder(
              command,
              host,
              Long.parseLong(pid),
              Instant.parse(since),
              token == null ? "" : token));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether the line named a token (an earlier Tashil's did not). */
  boolean hasToken() {
    return !token.isEmpty();
  }

  /** The line the lock file holds. */
  String line() {
    return "command="
        + command
        + " host="
        + host
        + " pid="
        + pid
        + " since="
        + since
        + " token="
        + token;
  }

  /**
   * Whether the holder's process, on this machine, has ended: no process has its number, or the one
   * that has it started after the lock was taken (the number was given again, as a container
   * restarted gives its first process the same number).
   */
  boolean processEnded() {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    return process
        .get()
        .info()
        .startInstant()
        .map(start -> start.isAfter(since.plusSeconds(START_SLACK_SECONDS)))
        .orElse(false);
  }

  private static String field(String line, String name) {
    for (String part : line.strip().split("\\s+")) {
      if (part.startsWith(name + "=") && part.length() > name.length() + 1) {
        return part.substring(name.length() + 1);
      }
    }
    return null;
  }
}
