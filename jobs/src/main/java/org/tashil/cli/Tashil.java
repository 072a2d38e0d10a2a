package org.tashil.cli;

import java.io.PrintWriter;
import org.tashil.reference.RegistryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tashil <command>}: the monthly reporting pipeline of the facilitation offices. */
@Command(
    name = "tashil",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Monthly reports of the facilitation offices in Khuzestan's informal settlements.",
    subcommands = {
      GenerateCommand.class,
      ValidateCommand.class,
      IngestCommand.class,
      AggregateCommand.class,
      RenderCommand.class,
      RunCommand.class,
      StatusCommand.class,
      MaintainCommand.class,
      QueryCommand.class,
      BenchCommand.class,
      ConfigCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    })
public final class Tashil {

  /** Exit codes of the contract (§7). */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int LOCKED = 75;

  public static void main(String[] args) {
    System.exit(execute(System.getenv(), args));
  }

  /**
   * Runs a command line with the settings of the environment and the settings file (see {@link
   * Settings}); returns the exit code.
   */
  public static int execute(java.util.Map<String, String> environment, String... args) {
    Settings settings;
    try {
      settings = Settings.load(args, environment, java.nio.file.Path.of(""));
    } catch (UsageException e) {
      System.err.println("tashil: " + e.getMessage());
      return USAGE;
    }
    settings.applySparkSettings();
    return commandLine(settings).execute(args);
  }

  /** The command line with built-in defaults only; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    return commandLine(Settings.none());
  }

  public static CommandLine commandLine(Settings settings) {
    CommandLine commandLine = new CommandLine(new Tashil());
    commandLine.setDefaultValueProvider(settings);
    commandLine.setExecutionExceptionHandler(Tashil::handle);
    return commandLine;
  }

  private static int handle(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = exception.getMessage() != null ? exception.getMessage() : exception.toString();
    err.println("tashil " + commandLine.getCommandName() + ": " + message);
    if (exception instanceof org.tashil.run.WarehouseLock.HeldException) {
      err.flush();
      return LOCKED;
    }
    boolean usage = exception instanceof RegistryException || exception instanceof UsageException;
    if (usage) {
      err.flush();
      return USAGE;
    }
    if (parseResult.subcommand() != null
        && parseResult.subcommand().hasMatchedOption("--verbose")) {
      exception.printStackTrace(err);
    } else {
      err.println("(run again with --verbose for the details)");
    }
    err.flush();
    return FAILED;
  }
}
