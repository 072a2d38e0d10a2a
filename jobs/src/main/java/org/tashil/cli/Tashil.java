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
      QueryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Tashil {

  /** Exit codes of the contract (§7). */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int LOCKED = 75;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@code main} runs it; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Tashil());
    commandLine.setExecutionExceptionHandler(Tashil::handle);
    return commandLine;
  }

  private static int handle(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = exception.getMessage() != null ? exception.getMessage() : exception.toString();
    err.println("tashil " + commandLine.getCommandName() + ": " + message);
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
