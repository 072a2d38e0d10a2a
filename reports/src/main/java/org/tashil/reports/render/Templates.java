package org.tashil.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import org.tashil.reports.model.Language;
import org.tashil.reports.template.TemplateCompiler;

/**
 * The compiled templates, loaded once and shared by every fill (a compiled report is read-only
 * while filling, so threads share it): per language, the settlement, province, agency and office
 * reports and their table subreports; and the shared styles.
 */
public final class Templates {

  /** The table subreports, by file name; each is passed as the parameter {@code TABLE_<NAME>}. */
  public static final List<String> TABLES =
      List.of(
          "deprivations",
          "categories",
          "open-demands",
          "notes",
          "completeness",
          "ranking",
          "counties",
          "agencies",
          "relocation",
          "office-notes",
          "definitions",
          "agency-demands",
          "office-files",
          "office-reasons",
          "quality-flags",
          "office-agencies",
          "rejected-rows");

  static final String SETTLEMENT = "settlement";
  static final String PROVINCE = "province";
  static final String AGENCY = "agency";
  static final String OFFICE = "office";
  private static final String COMPILED = "/org/tashil/reports/templates/";
  private static final String STYLES = "/org/tashil/reports/styles.jrtx";

  private final Map<Language, Map<String, JasperReport>> reports;
  private final JRTemplate styles;

  private Templates(Map<Language, Map<String, JasperReport>> reports, JRTemplate styles) {
    this.reports = reports;
    this.styles = styles;
  }

  /** The {@code .jasper} files compiled at build time, from the classpath. */
  public static Templates load() {
    Map<Language, Map<String, JasperReport>> reports = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      Map<String, JasperReport> byName = new HashMap<>();
      for (String name : names()) {
        String resource = COMPILED + name + "." + language.code() + ".jasper";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException(
                "no compiled template " + resource + " on the classpath: build the reports module");
          }
          byName.put(name, (JasperReport) JRLoader.loadObject(in));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (JRException e) {
          throw new IllegalStateException("cannot load " + resource, e);
        }
      }
      reports.put(language, Map.copyOf(byName));
    }
    return new Templates(reports, loadStyles());
  }

  /** Compiles the JRXML files of a folder now (tests; the build precompiles them). */
  public static Templates compile(Path source) throws IOException, JRException {
    Map<Language, Map<String, JasperReport>> reports = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      Map<String, JasperReport> byName = new HashMap<>();
      for (String name : names()) {
        byName.put(name, TemplateCompiler.compile(source.resolve(name + ".jrxml"), language));
      }
      reports.put(language, Map.copyOf(byName));
    }
    return new Templates(reports, loadStyles());
  }

  private static List<String> names() {
    return Stream.concat(Stream.of(SETTLEMENT, PROVINCE, AGENCY, OFFICE), TABLES.stream()).toList();
  }

  private static JRTemplate loadStyles() {
    try (InputStream in = Templates.class.getResourceAsStream(STYLES)) {
      if (in == null) {
        throw new IllegalStateException("no " + STYLES + " on the classpath");
      }
      return JRXmlTemplateLoader.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JasperReport report(String name, Language language) {
    JasperReport report = reports.get(language).get(name);
    if (report == null) {
      throw new IllegalArgumentException("no template " + name);
    }
    return report;
  }

  /** The styles and every table subreport, as the main templates take them. */
  Map<String, Object> sharedParameters(Language language) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("STYLES", styles);
    for (String table : TABLES) {
      parameters.put(tableParameter(table), report(table, language));
    }
    return parameters;
  }

  static String tableParameter(String table) {
    return "TABLE_" + table.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
