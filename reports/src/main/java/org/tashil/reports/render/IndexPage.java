package org.tashil.reports.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.PeriodReports;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.model.Share;
import org.tashil.reports.text.Formats;
import org.tashil.reports.text.JalaliCalendar;
import org.tashil.reports.text.Labels;

/**
 * The period's {@code index.html}: one static page, read offline (its style and script inline,
 * nothing fetched), that links every report the period has and lists every settlement with its key
 * figures in a table sortable by any column. Right to left in Persian, with Persian digits; every
 * text from the data is escaped, and the page's policy lets only its own script run.
 */
final class IndexPage {

  /** Sorts the settlements' table by the clicked column; a second click reverses. */
  static final String SCRIPT =
      """
      (function () {
        var table = document.getElementById('settlements');
        var body = table.tBodies[0];
        var headers = table.tHead.rows[0].cells;
        var collator = new Intl.Collator(document.documentElement.lang);
        function value(row, column) {
          var cell = row.cells[column];
          return cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : null;
        }
        function sort(header, column) {
          var ascending = header.getAttribute('aria-sort') !== 'ascending';
          var numeric = header.getAttribute('data-type') === 'number';
          for (var i = 0; i < headers.length; i++) {
            headers[i].removeAttribute('aria-sort');
          }
          header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
            return { row: row, index: index, value: value(row, column) };
          });
          rows.sort(function (a, b) {
            if (a.value === null || b.value === null) {
              return (a.value === null) - (b.value === null) || a.index - b.index;
            }
            var order = numeric ? Number(a.value) - Number(b.value) : collator.compare(a.value, b.value);
            return (ascending ? order : -order) || a.index - b.index;
          });
          rows.forEach(function (entry) { body.appendChild(entry.row); });
        }
        Array.prototype.forEach.call(headers, function (header, column) {
          if (!header.hasAttribute('data-type')) {
            return;
          }
          header.tabIndex = 0;
          header.addEventListener('click', function () { sort(header, column); });
          header.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              sort(header, column);
            }
          });
        });
      })();
      """;

  private static final String STYLE =
      """
      body { font-family: Vazirmatn, Tahoma, "Segoe UI", sans-serif; margin: 1.5rem; color: #1f2933; }
      h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
      h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
      h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
      .generated, .hint, .note { color: #52606d; font-size: .85rem; }
      ul.reports { list-style: none; padding: 0; margin: 0; columns: 16rem; }
      ul.reports li { margin: .15rem 0; }
      table { border-collapse: collapse; font-size: .9rem; }
      th, td { padding: .3rem .6rem; border-bottom: 1px solid #d9e2ec; text-align: start; }
      td.number, th[data-type=number] { text-align: right; font-variant-numeric: tabular-nums; }
      thead th { position: sticky; top: 0; background: #e4e7eb; cursor: pointer; user-select: none; }
      thead th:not([data-type]) { cursor: default; }
      thead th[aria-sort=ascending]::after { content: " \\25B2"; }
      thead th[aria-sort=descending]::after { content: " \\25BC"; }
      tbody tr:nth-child(even) { background: #f5f7fa; }
      .id { color: #7b8794; font-size: .8rem; white-space: nowrap; }
      td.files { white-space: nowrap; }
      a { color: #0b69a3; }
      """;

  private IndexPage() {}

  static String html(PeriodReports period, List<RenderedReport> files, RenderContext context) {
    Language language = context.language();
    Labels labels = Labels.of(language);
    Formats formats = new Formats(language, context.suppressionThreshold());
    JalaliCalendar calendar = new JalaliCalendar(language);
    Map<ReportKind, Map<String, List<RenderedReport>>> byKind = byKindAndKey(files);
    Map<String, String> names = names(period, language);

    StringBuilder html = new StringBuilder(64 * 1024);
    String title = labels.format("index.title", calendar.month(context.period()));
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(language.code())
        .append("\" dir=\"")
        .append(language.rightToLeft() ? "rtl" : "ltr")
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; script-src '")
        .append(scriptHash())
        .append("'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p class=\"generated\">")
        .append(
            escape(
                labels.format(
                    "index.generated",
                    calendar.month(context.period()),
                    context.revision(),
                    calendar.date(context.generatedOn()),
                    context.runId())))
        .append("</p>\n</header>\n");

    html.append("<section id=\"reports\">\n<h2>").append(escape(labels.text("index.reports")));
    html.append("</h2>\n");
    for (ReportKind kind : ReportKind.values()) {
      Map<String, List<RenderedReport>> reports = byKind.get(kind);
      if (kind == ReportKind.SETTLEMENT || reports == null) {
        continue;
      }
      html.append("<h3>").append(escape(kindLabel(labels, kind))).append("</h3>\n");
      html.append("<ul class=\"reports\" data-kind=\"").append(kind.code()).append("\">\n");
      reports.forEach(
          (key, written) -> {
            html.append("<li>");
            if (!key.isEmpty()) {
              String name = names.get(kind.code() + "/" + key);
              html.append("<span class=\"key\">")
                  .append(escape(name == null ? key : name + " (" + key + ")"))
                  .append("</span> ");
            }
            links(html, written);
            html.append("</li>\n");
          });
      html.append("</ul>\n");
    }
    html.append("</section>\n");

    settlements(html, period.settlements(), byKind.get(ReportKind.SETTLEMENT), labels, formats);
    html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void settlements(
      StringBuilder html,
      List<SettlementReport> settlements,
      Map<String, List<RenderedReport>> files,
      Labels labels,
      Formats formats) {
    html.append("<section>\n<h2>").append(escape(labels.text("index.settlements")));
    html.append("</h2>\n<p class=\"hint\">").append(escape(labels.text("index.sort_hint")));
    html.append("</p>\n<table id=\"settlements\">\n<thead>\n<tr>");
    header(html, labels, "index.column.settlement", "text");
    header(html, labels, "index.column.county", "text");
    header(html, labels, "index.column.households", "number");
    header(html, labels, "index.column.slum", "number");
    header(html, labels, "index.column.m0", "number");
    header(html, labels, "index.column.rank", "number");
    header(html, labels, "index.column.open", "number");
    header(html, labels, "index.column.overdue", "number");
    header(html, labels, "index.column.files", null);
    html.append("</tr>\n</thead>\n<tbody>\n");
    Language language = formats.language();
    boolean suppressed = false;
    for (SettlementReport settlement : settlements) {
      String id = settlement.settlementId();
      List<RenderedReport> written = files == null ? List.of() : files.getOrDefault(id, List.of());
      String name = settlement.header().settlement().in(language);
      String county = settlement.header().county().in(language);
      Poverty poverty = settlement.poverty();
      html.append("<tr data-key=\"").append(escape(id)).append("\">");
      html.append("<td data-value=\"").append(escape(name)).append("\">");
      if (written.isEmpty()) {
        html.append(escape(name));
      } else {
        html.append("<a href=\"").append(href(written.get(0).file())).append("\">");
        html.append(escape(name)).append("</a>");
      }
      html.append(" <span class=\"id\">").append(escape(id)).append("</span></td>");
      html.append("<td data-value=\"").append(escape(county)).append("\">");
      html.append(escape(county)).append("</td>");
      number(html, settlement.keyFigures().households(), formats);
      suppressed |= share(html, poverty.slumHouseholds(), formats.share(poverty.slumHouseholds()));
      suppressed |= share(html, poverty.index(), formats.index(poverty.index()));
      if (settlement.rank() == null) {
        html.append("<td class=\"number\">").append(Formats.DASH).append("</td>");
      } else {
        number(html, settlement.rank().position(), formats);
      }
      number(html, settlement.demands().open(), formats);
      number(html, settlement.demands().openOverdue(), formats);
      html.append("<td class=\"files\">");
      links(html, written);
      html.append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (suppressed) {
      html.append("<p class=\"note\">")
          .append(escape(labels.format("table.note.suppressed", formats.threshold())))
          .append("</p>\n");
    }
    html.append("</section>\n");
  }

  private static void header(StringBuilder html, Labels labels, String key, String type) {
    html.append("<th scope=\"col\"");
    if (type != null) {
      html.append(" data-type=\"").append(type).append('"');
    }
    html.append('>').append(escape(labels.text(key))).append("</th>");
  }

  private static void number(StringBuilder html, long value, Formats formats) {
    html.append("<td class=\"number\" data-value=\"").append(value).append("\">");
    html.append(escape(formats.number(value))).append("</td>");
  }

  /**
   * A share or index as printed, its raw value kept for sorting only when it is printed: a
   * suppressed share's value appears nowhere in the page. True when it was suppressed.
   */
  private static boolean share(StringBuilder html, Share share, String printed) {
    boolean shown = share.present() && !Formats.SUPPRESSED.equals(printed);
    html.append("<td class=\"number\"");
    if (shown) {
      html.append(" data-value=\"").append(share.value()).append('"');
    }
    html.append('>').append(escape(printed)).append("</td>");
    return share.present() && !shown;
  }

  /** "PDF · XLSX": a link to each of a report's files. */
  private static void links(StringBuilder html, List<RenderedReport> written) {
    for (int i = 0; i < written.size(); i++) {
      String file = written.get(i).file();
      if (i > 0) {
        html.append(" · ");
      }
      html.append("<a href=\"").append(href(file)).append("\">");
      html.append(file.substring(file.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT));
      html.append("</a>");
    }
  }

  /** The agencies' and offices' names in the page's language, by {@code kind/key}. */
  private static Map<String, String> names(PeriodReports period, Language language) {
    Map<String, String> names = new java.util.HashMap<>();
    for (var agency : period.agencies()) {
      names.put(
          ReportKind.AGENCY.code() + "/" + agency.agencyId(),
          agency.performance().agency().in(language));
    }
    for (var office : period.offices()) {
      names.put(ReportKind.OFFICE.code() + "/" + office.officeId(), office.office().in(language));
    }
    return names;
  }

  private static Map<ReportKind, Map<String, List<RenderedReport>>> byKindAndKey(
      List<RenderedReport> files) {
    Map<ReportKind, Map<String, List<RenderedReport>>> byKind = new LinkedHashMap<>();
    for (RenderedReport file : files) {
      byKind
          .computeIfAbsent(file.kind(), kind -> new LinkedHashMap<>())
          .computeIfAbsent(file.key(), key -> new ArrayList<>())
          .add(file);
    }
    return byKind;
  }

  private static String kindLabel(Labels labels, ReportKind kind) {
    String key = "index.kind." + kind.code();
    return labels.bundle().containsKey(key) ? labels.text(key) : kind.code();
  }

  /** Text as HTML, in an element or a quoted attribute alike. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** A relative file name as a link: each segment percent-encoded but for unreserved letters. */
  static String href(String file) {
    StringBuilder link = new StringBuilder();
    for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || c == '/') {
        link.append(c);
      } else {
        link.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return link.toString();
  }

  /** The script's hash, the only script the page's policy lets run. */
  static String scriptHash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("\n" + SCRIPT).getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
