package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.PeriodReports;
import org.tashil.reports.model.Rank;

/** The period's index page as HTML: its links, its figures, and every name escaped. */
class TestIndexPage {

  static final String HOSTILE = "<script>alert(1)</script> \"&'";

  private static PeriodRenderer periodRenderer;

  @BeforeAll
  static void load() {
    periodRenderer = new PeriodRenderer(ReportRenderer.withCompiledTemplates(), 2);
  }

  /** Four settlements: two with names that sort apart in Persian, one with a hostile name. */
  static PeriodReports period() {
    return new PeriodReports(
        ReportFixtures.province(),
        List.of(
            ReportFixtures.hasirabad(),
            ReportFixtures.mashali(),
            ReportFixtures.another(
                ReportFixtures.hasirabad(), "AHV-010", "پردیس", "Pardis", 560, new Rank(1, 128)),
            ReportFixtures.another(
                ReportFixtures.hasirabad(), "AHV-066", HOSTILE, HOSTILE, 75, new Rank(2, 128))));
  }

  @Test
  void linksEveryReportAndListsEverySettlementWithItsFiguresInPersianDigits(@TempDir Path reports)
      throws IOException {
    RenderedPeriod rendered =
        periodRenderer.render(reports, ReportFixtures.context(Language.PERSIAN), period());
    String html = Files.readString(Path.of(rendered.page()), StandardCharsets.UTF_8);

    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">")
        .contains("<title>گزارش‌های ماهانهٔ سکونتگاه‌های غیررسمی خوزستان — آبان ۱۴۰۵</title>")
        .contains("<a href=\"province.pdf\">PDF</a> · <a href=\"province.xlsx\">XLSX</a>")
        .contains(
            "<a href=\"settlements/AHV-001.pdf\">PDF</a> · "
                + "<a href=\"settlements/AHV-001.xlsx\">XLSX</a>")
        // households, with the raw value to sort by
        .contains("<td class=\"number\" data-value=\"1240\">۱٬۲۴۰</td>")
        // M0 of Hasirabad, and Mashali's suppressed shares without any value
        .contains("data-value=\"0.229\">۰٫۲۲۹</td>")
        .contains("<tr data-key=\"AHV-007\">")
        .contains("<p class=\"note\">* سهمی که کمتر از ۵ خانوار");
    String mashali = row(html, "AHV-007");
    assertThat(mashali)
        .contains("<td class=\"number\">*</td><td class=\"number\">*</td>")
        .contains("<td class=\"number\">—</td>") // no rank
        .doesNotContain("data-value=\"1.0\"", "data-value=\"0.55\"");
    for (String settlement : List.of("AHV-001", "AHV-007", "AHV-010", "AHV-066")) {
      assertThat(html).contains("<tr data-key=\"" + settlement + "\">");
      assertThat(Path.of(rendered.folder()).resolve("settlements/" + settlement + ".xlsx"))
          .isRegularFile();
    }
    // Offline: nothing is fetched, and only the page's own script may run.
    assertThat(html)
        .doesNotContain("http:", "https:", "<link", " src=")
        .contains("script-src '" + IndexPage.scriptHash() + "'")
        .containsOnlyOnce("<script>");
    // Written last: after the index, which does not list it.
    assertThat(Files.readString(Path.of(rendered.index()))).doesNotContain("index.html");
  }

  @Test
  void everyNameFromTheDataIsEscaped(@TempDir Path reports) throws IOException {
    RenderedPeriod rendered =
        periodRenderer.render(reports, ReportFixtures.context(Language.ENGLISH), period());
    String html = Files.readString(Path.of(rendered.page()), StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")
        .doesNotContain(HOSTILE)
        .doesNotContain("<script>alert")
        .contains(
            "<td data-value=\"&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;\">"
                + "<a href=\"settlements/AHV-066.pdf\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;</a>");
  }

  @Test
  void escapesTextAndEncodesLinks() {
    assertThat(IndexPage.escape(HOSTILE))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;");
    assertThat(IndexPage.href("agencies/a b\"<.pdf")).isEqualTo("agencies/a%20b%22%3C.pdf");
    assertThat(IndexPage.href("settlements/AHV-001.pdf")).isEqualTo("settlements/AHV-001.pdf");
  }

  private static String row(String html, String key) {
    int start = html.indexOf("<tr data-key=\"" + key + "\">");
    return html.substring(start, html.indexOf("</tr>", start));
  }
}
