package org.tashil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.tashil.calendar.Period;
import org.tashil.ingest.FileChecker;
import org.tashil.ingest.FileOutcome;
import org.tashil.ingest.Inbox;
import org.tashil.ingest.InboxFile;
import org.tashil.ingest.QuarantinedRow;
import org.tashil.ingest.Submission;
import org.tashil.reference.Registry;
import org.tashil.schema.Problem;
import org.tashil.spark.HadoopConf;
import org.tashil.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tashil validate --period P DIR}: what an office manager runs before sending. Checks one
 * office folder with exactly the rules of ingest, writes nothing, and prints every rejected row.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Check one office's folder before sending it: prints every row that would be rejected"
            + " (file, line, column, reason). Writes nothing. Exit 0 when every row passes, 1 when"
            + " any is rejected.")
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--period",
      required = true,
      paramLabel = "YYYY-MM",
      converter = PeriodConverter.class,
      description = "The Jalali month the files are for, e.g. 1405-08.")
  Period period;

  @Option(
      names = "--office",
      paramLabel = "OFFICE_ID",
      description = "The office that sends the folder (default: the folder's name, e.g. OF-01).")
  String office;

  @Mixin LanguageOption languageOption;
  @Mixin MaxFileSizeOption maxFileSizeOption;

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      defaultValue = StorageOptions.HOME + "/data/reference",
      description = "Folder of the registry. Default: ${DEFAULT-VALUE}.")
  Path reference;

  @Parameters(
      paramLabel = "DIR",
      description = "The office's folder: households, demands, activities (.csv or .xlsx).")
  Path folder;

  @Override
  public Integer call() throws IOException {
    Locale locale = languageOption.locale();
    if (!Files.isDirectory(folder)) {
      throw new UsageException("folder " + folder + " does not exist");
    }
    long maxFileSize = maxFileSizeOption.bytes();
    Registry registry = Registry.load(reference);
    String officeId =
        office != null ? office : folder.toAbsolutePath().normalize().getFileName().toString();
    org.apache.hadoop.conf.Configuration hadoop = HadoopConf.withoutSpark();
    FileSystem fs = FileSystem.getLocal(hadoop);
    // Links in the folder may point only inside it: nothing else of this computer is the office's.
    org.apache.hadoop.fs.Path office =
        new org.apache.hadoop.fs.Path(folder.toAbsolutePath().toUri());
    List<InboxFile> files = Inbox.officeFiles(fs, office, office, officeId, period);
    FileChecker checker = new FileChecker(registry, period, maxFileSize);
    PrintWriter out = spec.commandLine().getOut();
    boolean allPassed = true;
    if (files.isEmpty()) {
      out.println(Messages.format(locale, "validate.no_files", folder));
      allPassed = false;
    }
    for (InboxFile file : files) {
      allPassed &= print(checker.checkForRejectedRows(file, hadoop), locale, out);
    }
    out.println(Messages.format(locale, allPassed ? "validate.passed" : "validate.failed"));
    out.flush();
    return allPassed ? Tashil.OK : Tashil.FAILED;
  }

  private static boolean print(FileOutcome.Whole outcome, Locale locale, PrintWriter out) {
    Submission submission = outcome.submission();
    String file = submission.file().replaceAll("/+$", "");
    String name = file.substring(file.lastIndexOf('/') + 1);
    out.println(
        Messages.format(
            locale,
            "validate.file",
            name,
            submission.rowsRead(),
            submission.rowsAccepted(),
            submission.rowsQuarantined()));
    String message = submission.message(locale);
    if (!message.isEmpty()) {
      out.println("  " + message);
    }
    for (QuarantinedRow row : outcome.quarantined()) {
      for (Problem problem : row.problems()) {
        out.println(
            "  %s:%d  %s  %s  %s"
                .formatted(
                    name,
                    row.line(),
                    problem.column() == null ? "-" : problem.column(),
                    problem.code(),
                    problem.message(locale)));
      }
    }
    // A file that is not a dataset file is no reason to hold the folder back.
    return submission.status().equals(Submission.ACCEPTED)
        || submission.status().equals(Submission.IGNORED);
  }
}
