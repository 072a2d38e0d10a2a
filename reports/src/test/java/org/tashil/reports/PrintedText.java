package org.tashil.reports;

import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/** The texts of a filled report with their page and absolute position, for assertions. */
public record PrintedText(int page, int x, int y, int width, String text) {

  public static List<PrintedText> of(JasperPrint print) {
    List<PrintedText> texts = new ArrayList<>();
    List<JRPrintPage> pages = print.getPages();
    for (int page = 0; page < pages.size(); page++) {
      collect(pages.get(page).getElements(), page + 1, 0, 0, texts);
    }
    return texts;
  }

  public static List<String> strings(JasperPrint print) {
    return of(print).stream().map(PrintedText::text).toList();
  }

  private static void collect(
      List<JRPrintElement> elements, int page, int offsetX, int offsetY, List<PrintedText> texts) {
    for (JRPrintElement element : elements) {
      if (element instanceof JRPrintText text && text.getFullText() != null) {
        texts.add(
            new PrintedText(
                page,
                offsetX + element.getX(),
                offsetY + element.getY(),
                element.getWidth(),
                text.getFullText()));
      }
      if (element instanceof JRPrintFrame frame) {
        collect(
            frame.getElements(), page, offsetX + element.getX(), offsetY + element.getY(), texts);
      }
    }
  }
}
