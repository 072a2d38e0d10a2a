package org.tashil.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tashil.reports.model.Language;
import org.tashil.reports.render.ReportRenderer;

/** Writes the sample reports (fa and en) to a folder, to look at: {@code SampleReports <dir>}. */
public final class SampleReports {

  private SampleReports() {}

  public static void main(String[] arguments) throws Exception {
    Path folder = Path.of(arguments.length > 0 ? arguments[0] : "target/samples");
    Files.createDirectories(folder);
    ReportRenderer renderer = ReportRenderer.withCompiledTemplates();
    for (Language language : Language.values()) {
      var context = ReportFixtures.context(language);
      Files.write(
          folder.resolve("settlement-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.hasirabad(), context));
      Files.write(
          folder.resolve("small-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.mashali(), context));
      Files.write(
          folder.resolve("no-file-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.malashieh(), context));
      Files.write(
          folder.resolve("province-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.province(), context));
      Files.write(
          folder.resolve("agency-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.waterCompany(), context));
      Files.write(
          folder.resolve("agency-long-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.longAgency(400), context));
      Files.write(
          folder.resolve("office-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.hasirabadOffice(), context));
      Files.write(
          folder.resolve("office-long-" + language.code() + ".pdf"),
          renderer.pdf(ReportFixtures.officeWithManyRejectedRows(120), context));
    }
    System.out.println("wrote samples to " + folder.toAbsolutePath());
  }
}
