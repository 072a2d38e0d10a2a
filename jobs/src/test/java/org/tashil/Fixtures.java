package org.tashil;

import java.nio.file.Path;
import org.tashil.reference.Registry;

/** The shipped registry and the hand-made inbox under src/test/resources, shared by tests. */
public final class Fixtures {

  public static final Path REFERENCE = Path.of("../data/reference");

  /**
   * The JIT and collector of the JVMs the tests start, as the launcher starts a run: the quick JIT
   * (as the tests' own JVM, {@code test.argLine}, uses it too), C1 alone, whose default code cache
   * (48 MB) a run fills (when full, the JIT stops and the JVM can fail for want of space); and the
   * parallel collector.
   */
  public static final java.util.List<String> LAUNCHER_JVM =
      java.util.List.of(
          "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m", "-XX:+UseParallelGC");

  private static Registry registry;

  private Fixtures() {}

  /** What a command returned and printed. */
  public record CommandResult(int exitCode, String out, String err) {}

  /** Runs a command in this JVM, as {@code tashil} runs it, and keeps what it printed. */
  public static CommandResult tashil(String... args) {
    return tashil(org.tashil.cli.Settings.none(), args);
  }

  /** Runs a command in this JVM with the settings of an environment and a settings file. */
  public static CommandResult tashil(org.tashil.cli.Settings settings, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine commandLine = org.tashil.cli.Tashil.commandLine(settings);
    commandLine.setOut(new java.io.PrintWriter(out));
    commandLine.setErr(new java.io.PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new CommandResult(exitCode, out.toString(), err.toString());
  }

  /**
   * {@code tashil run} of 1405-08, the test inboxes' period, from {@code inbox}, with the warehouse
   * and the reports in {@code folder}, the shipped registry and 2026-11-27 as the day new files are
   * first seen on; then {@code more} options.
   */
  public static String[] runArguments(Path inbox, Path folder, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "run",
                "--period",
                "1405-08",
                "--inbox",
                inbox.toString(),
                "--warehouse",
                folder.resolve("warehouse").toString(),
                "--reports",
                folder.resolve("reports").toString(),
                "--reference",
                REFERENCE.toString(),
                "--today",
                "2026-11-27"));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  public static synchronized Registry registry() {
    if (registry == null) {
      registry = Registry.load(REFERENCE);
    }
    return registry;
  }

  /** Copies the hand-made inbox to {@code target}, so a test can add files to it. */
  public static Path copyInbox(Path target) {
    return LocalFolders.copy(Path.of("src/test/resources/inbox"), target);
  }
}
