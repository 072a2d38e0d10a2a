package org.tashil.reports.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import org.tashil.reports.model.Language;

/**
 * Compiles every JRXML template into one {@code .jasper} per language, at build time ({@code
 * exec-maven-plugin}, process-classes): {@code settlement.en.jasper} as designed, {@code
 * settlement.fa.jasper} mirrored right to left. A {@code .jasper} only loads in the JasperReports
 * version that made it, so they are never committed.
 *
 * <p>Usage: {@code TemplateCompiler <jrxml folder> <output folder>}.
 */
public final class TemplateCompiler {

  private TemplateCompiler() {}

  public static void main(String[] arguments) throws IOException, JRException {
    if (arguments.length != 2) {
      System.err.println("usage: TemplateCompiler <jrxml folder> <output folder>");
      System.exit(2);
    }
    Path source = Path.of(arguments[0]);
    Path target = Path.of(arguments[1]);
    Files.createDirectories(target);
    long started = System.nanoTime();
    List<Path> templates = templates(source);
    // The expressions' Java sources go to a folder of this build's own: JasperReports names them
    // after their content, so two builds of the project at once in one shared folder would delete
    // each other's sources.
    Path sources = Files.createTempDirectory("tashil-templates-");
    net.sf.jasperreports.engine.DefaultJasperReportsContext.getInstance()
        .setProperty(
            net.sf.jasperreports.engine.design.JRCompiler.COMPILER_TEMP_DIR, sources.toString());
    try {
      for (Path template : templates) {
        for (Language language : Language.values()) {
          JasperDesign design = design(template, language);
          Path output = target.resolve(compiledName(template, language));
          JasperCompileManager.compileReportToFile(design, output.toString());
        }
      }
    } finally {
      try (Stream<Path> left = Files.walk(sources)) {
        for (Path path : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
    System.out.printf(
        "compiled %d templates × %d languages in %d ms%n",
        templates.size(), Language.values().length, (System.nanoTime() - started) / 1_000_000);
  }

  /** The JRXML files of a folder, by name. */
  public static List<Path> templates(Path source) throws IOException {
    try (Stream<Path> files = Files.list(source)) {
      List<Path> templates =
          new ArrayList<>(
              files.filter(file -> file.toString().endsWith(".jrxml")).sorted().toList());
      if (templates.isEmpty()) {
        throw new IOException("no .jrxml template in " + source);
      }
      return templates;
    }
  }

  /** The template's design in a language: as drawn for English, mirrored for Persian. */
  public static JasperDesign design(Path template, Language language)
      throws IOException, JRException {
    try (InputStream in = Files.newInputStream(template)) {
      JasperDesign design = JRXmlLoader.load(in);
      design.setName(design.getName().replace('-', '_') + "_" + language.code());
      switch (language) {
        case PERSIAN -> Mirror.mirror(design);
        case ENGLISH -> {}
      }
      return design;
    }
  }

  public static JasperReport compile(Path template, Language language)
      throws IOException, JRException {
    return JasperCompileManager.compileReport(design(template, language));
  }

  /** {@code settlement.fa.jasper}. */
  public static String compiledName(Path template, Language language) {
    String file = template.getFileName().toString();
    return file.substring(0, file.length() - ".jrxml".length()) + "." + language.code() + ".jasper";
  }
}
