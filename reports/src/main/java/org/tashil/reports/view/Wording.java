package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRParameter;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.Share;
import org.tashil.reports.text.Formats;
import org.tashil.reports.text.JalaliCalendar;
import org.tashil.reports.text.Labels;

/**
 * Everything one report needs to put figures into words in its language: labels, number formats
 * with suppression, Jalali dates, note sentences. Not thread-safe: one per report being filled.
 */
final class Wording {

  final RenderContext context;
  final Language language;
  final Formats formats;
  final Labels labels;
  final JalaliCalendar calendar;
  final NoteWording notes;

  Wording(RenderContext context) {
    this.context = context;
    this.language = context.language();
    this.formats = new Formats(language, context.suppressionThreshold());
    this.labels = Labels.of(language);
    this.calendar = new JalaliCalendar(language);
    this.notes = new NoteWording(labels, formats);
  }

  String text(String text) {
    return formats.text(text);
  }

  String label(String key) {
    return labels.text(key);
  }

  String format(String key, Object... arguments) {
    return formats.text(labels.format(key, arguments));
  }

  String number(long value) {
    return formats.number(value);
  }

  String share(Share share) {
    return formats.share(share);
  }

  /** "12 (45.0%)": a count and its share. */
  String countWithShare(long count, Share share) {
    return format("value.with_share", formats.number(count), formats.share(share));
  }

  /** The parameters every template takes: title, period, footer, footnotes, locale, bundle. */
  Map<String, Object> common(String title, String subtitle) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put(JRParameter.REPORT_LOCALE, language.locale());
    parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels.bundle());
    parameters.put("TITLE", text(title));
    parameters.put("SUBTITLE", text(subtitle));
    parameters.put("PERIOD_LABEL", text(calendar.month(context.period())));
    parameters.put(
        "FOOTER_GENERATED",
        format(
            "footer.generated",
            formats.number(context.revision()),
            calendar.date(context.generatedOn())));
    parameters.put("FOOTER_RUN", format("footer.run", context.runId(), context.warehouseVersion()));
    // What the marks mean, until definitions() says which marks the report printed.
    parameters.put(
        "FOOTNOTES",
        String.join(
            "\n",
            format("footnote.suppressed", context.suppressionThreshold()),
            format("footnote.no_share")));
    return parameters;
  }

  /**
   * The report's last parameters, once every figure is worded: the footnotes (the {@code *} and
   * dash marks explained only when the report printed one, then the names of its definitions) and
   * the rows of its definitions page.
   */
  void definitions(Map<String, Object> parameters, List<Definition> definitions) {
    List<String> footnotes = new ArrayList<>();
    if (formats.printedSuppressed()) {
      footnotes.add(format("footnote.suppressed", context.suppressionThreshold()));
    }
    if (formats.printedNoShare()) {
      footnotes.add(format("footnote.no_share"));
    }
    footnotes.add(Definition.footnote(definitions, this));
    parameters.put("FOOTNOTES", String.join("\n", footnotes));
    parameters.put("DEFINITION_ROWS", Definition.rows(definitions, this));
  }

  /**
   * The data-quality section's first lines: when the period's files were due, and which files are
   * expected ({@code expectedKey}: from the settlement's office, or from every active office).
   */
  String filesDue(String expectedKey) {
    return format(
            "quality.due",
            calendar.month(context.period()),
            calendar.date(context.filesDue()),
            context.onTimeDays(),
            calendar.date(context.period().lastDay()))
        + " "
        + label(expectedKey);
  }
}
