package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tashil.reports.model.Deprivation;
import org.tashil.reports.view.Rows.DefinitionRow;

/**
 * The figures a report defines on its last page, "Definitions", in plain words (docs/indicators.md,
 * contract §5). Each report lists the ones it prints; its footnote names them. The wording is in
 * the labels: {@code definition.<name>} (the term) and {@code definition.<name>.text}.
 */
public enum Definition {
  SLUM_HOUSEHOLD,
  /** The ten deprivations, one row each with its rule and weight. */
  DEPRIVATIONS,
  HEADCOUNT,
  INTENSITY,
  INDEX,
  RANK,
  COVERAGE,
  NEW_RESOLVED,
  OPEN_OVERDUE,
  MEDIAN_DAYS,
  P90_DAYS,
  SLA_MET,
  COMPLETENESS,
  ON_TIME,
  /** The marks {@code *} (suppressed) and a dash (no share). */
  MARKS;

  /** SDG indicator 11.1.1: the share of persons living in slum households. */
  static final String SDG_SLUM = "11.1.1";

  /** The figures the settlement report prints. */
  public static final List<Definition> SETTLEMENT =
      List.of(
          SLUM_HOUSEHOLD,
          DEPRIVATIONS,
          HEADCOUNT,
          INTENSITY,
          INDEX,
          RANK,
          COVERAGE,
          NEW_RESOLVED,
          OPEN_OVERDUE,
          MEDIAN_DAYS,
          MARKS);

  /** The figures the province report prints. */
  public static final List<Definition> PROVINCE =
      List.of(
          SLUM_HOUSEHOLD,
          DEPRIVATIONS,
          HEADCOUNT,
          INTENSITY,
          INDEX,
          RANK,
          COVERAGE,
          NEW_RESOLVED,
          OPEN_OVERDUE,
          MEDIAN_DAYS,
          SLA_MET,
          COMPLETENESS,
          ON_TIME,
          MARKS);

  String key() {
    return "definition." + name().toLowerCase(Locale.ROOT);
  }

  /** The term as the footnote and the definitions page name it. */
  String term(Wording wording) {
    return wording.labels.format(key(), wording.formats.code(SDG_SLUM));
  }

  /** The definitions page's rows: term and definition, the ten deprivations one row each. */
  static List<DefinitionRow> rows(List<Definition> definitions, Wording wording) {
    List<DefinitionRow> rows = new ArrayList<>();
    for (Definition definition : definitions) {
      if (definition == DEPRIVATIONS) {
        for (Deprivation deprivation : Deprivation.values()) {
          rows.add(
              new DefinitionRow(
                  wording.text(wording.label(deprivation.labelKey())),
                  wording.text(
                      wording.label(
                          "definition." + deprivation.name().toLowerCase(Locale.ROOT) + ".text"))));
        }
      } else {
        rows.add(
            new DefinitionRow(
                wording.text(definition.term(wording)), wording.text(definition.text(wording))));
      }
    }
    return rows;
  }

  private String text(Wording wording) {
    var context = wording.context;
    return wording.labels.format(
        key() + ".text",
        wording.formats.code(SDG_SLUM),
        context.suppressionThreshold(),
        context.onTimeDays(),
        wording.calendar.date(context.filesDue()));
  }

  /** The footnote that names the report's definitions and says where they are. */
  static String footnote(List<Definition> definitions, Wording wording) {
    List<String> terms = definitions.stream().map(definition -> definition.term(wording)).toList();
    return wording.format(
        "footnote.definitions", String.join(wording.label("note.separator"), terms));
  }
}
