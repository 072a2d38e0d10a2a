package org.tashil.reports.template;

import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRBand;
import net.sf.jasperreports.engine.JRBoxContainer;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRGroup;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRSection;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JRDesignFrame;
import net.sf.jasperreports.engine.design.JRDesignImage;
import net.sf.jasperreports.engine.design.JRDesignLine;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextElement;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.HorizontalImageAlignEnum;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.LineDirectionEnum;

/**
 * Turns a template designed left to right into its right-to-left twin: every element's x is
 * mirrored inside its band or frame (a table's first column lands on the right), left and right
 * alignments and paddings swap. JasperReports 7 has no run-direction attribute, so the Persian
 * layout is derived at build time from the one English layout instead of being drawn twice.
 *
 * <p>The rule this relies on: horizontal alignment is set on elements or on the template's own
 * styles, never in the shared {@code styles.jrtx} (an element without one is left-aligned).
 */
public final class Mirror {

  private Mirror() {}

  public static void mirror(JasperDesign design) {
    int width = design.getColumnWidth();
    for (JRBand band : bands(design)) {
      mirror(band.getElements(), width);
    }
    for (JRStyle style : design.getStyles()) {
      JRDesignStyle designStyle = (JRDesignStyle) style;
      HorizontalTextAlignEnum align = designStyle.getOwnHorizontalTextAlign();
      if (align != null) {
        designStyle.setHorizontalTextAlign(flip(align));
      }
      swapPaddings(designStyle.getLineBox());
    }
  }

  private static List<JRBand> bands(JasperDesign design) {
    List<JRBand> bands = new ArrayList<>();
    for (JRBand band :
        new JRBand[] {
          design.getBackground(),
          design.getTitle(),
          design.getPageHeader(),
          design.getColumnHeader(),
          design.getColumnFooter(),
          design.getPageFooter(),
          design.getLastPageFooter(),
          design.getSummary(),
          design.getNoData()
        }) {
      if (band != null) {
        bands.add(band);
      }
    }
    addSection(bands, design.getDetailSection());
    for (JRGroup group : design.getGroupsList()) {
      addSection(bands, group.getGroupHeaderSection());
      addSection(bands, group.getGroupFooterSection());
    }
    return bands;
  }

  private static void addSection(List<JRBand> bands, JRSection section) {
    if (section != null && section.getBands() != null) {
      for (JRBand band : section.getBands()) {
        if (band != null) {
          bands.add(band);
        }
      }
    }
  }

  private static void mirror(JRElement[] elements, int containerWidth) {
    if (elements == null) {
      return;
    }
    for (JRElement element : elements) {
      JRDesignElement designElement = (JRDesignElement) element;
      designElement.setX(containerWidth - element.getX() - element.getWidth());
      if (element instanceof JRDesignTextElement text) {
        HorizontalTextAlignEnum own = text.getOwnHorizontalTextAlign();
        text.setHorizontalTextAlign(flip(own == null ? HorizontalTextAlignEnum.LEFT : own));
      }
      if (element instanceof JRDesignImage image && image.getOwnHorizontalImageAlign() != null) {
        image.setHorizontalImageAlign(flip(image.getOwnHorizontalImageAlign()));
      }
      if (element instanceof JRDesignLine line && line.getWidth() > 1 && line.getHeight() > 1) {
        line.setDirection(
            line.getDirection() == LineDirectionEnum.BOTTOM_UP
                ? LineDirectionEnum.TOP_DOWN
                : LineDirectionEnum.BOTTOM_UP);
      }
      if (element instanceof JRBoxContainer boxed) {
        swapPaddings(boxed.getLineBox());
      }
      if (element instanceof JRDesignFrame frame) {
        mirror(frame.getElements(), frame.getWidth());
      }
    }
  }

  private static void swapPaddings(JRLineBox box) {
    if (box == null) {
      return;
    }
    Integer left = box.getOwnLeftPadding();
    Integer right = box.getOwnRightPadding();
    box.setLeftPadding(right);
    box.setRightPadding(left);
  }

  static HorizontalTextAlignEnum flip(HorizontalTextAlignEnum align) {
    return switch (align) {
      case LEFT -> HorizontalTextAlignEnum.RIGHT;
      case RIGHT -> HorizontalTextAlignEnum.LEFT;
      case CENTER -> HorizontalTextAlignEnum.CENTER;
      case JUSTIFIED -> HorizontalTextAlignEnum.JUSTIFIED;
    };
  }

  static HorizontalImageAlignEnum flip(HorizontalImageAlignEnum align) {
    return switch (align) {
      case LEFT -> HorizontalImageAlignEnum.RIGHT;
      case RIGHT -> HorizontalImageAlignEnum.LEFT;
      case CENTER -> HorizontalImageAlignEnum.CENTER;
    };
  }
}
