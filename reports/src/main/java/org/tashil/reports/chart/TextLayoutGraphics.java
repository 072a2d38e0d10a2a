package org.tashil.reports.chart;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * A {@link Graphics2D} that lays every string out through {@link TextLayout} (bidirectional
 * ordering and Arabic-script shaping) before drawing it on the wrapped graphics; everything else
 * passes through. OpenPDF's {@code PdfGraphics2D.drawString} writes text left to right, so Persian
 * chart labels came out reversed; drawn through a text layout they arrive as shaped glyph outlines,
 * in the right order, still vector.
 *
 * <p>Its length is the pass-through itself: {@link Graphics2D} is an abstract class (no interface a
 * {@link java.lang.reflect.Proxy} could stand in for) and the JDK has no forwarding base for it, so
 * each of its abstract methods is written out once, calling the same method of the wrapped
 * graphics. The many alike methods below are that delegation, not logic repeated.
 */
final class TextLayoutGraphics extends Graphics2D {

  private final Graphics2D delegate;

  TextLayoutGraphics(Graphics2D delegate) {
    this.delegate = delegate;
  }

  @Override
  public void drawString(String text, float x, float y) {
    if (text == null || text.isEmpty()) {
      return;
    }
    new TextLayout(text, delegate.getFont(), delegate.getFontRenderContext()).draw(delegate, x, y);
  }

  @Override
  public void drawString(String text, int x, int y) {
    drawString(text, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator iterator, float x, float y) {
    if (iterator.getEndIndex() == iterator.getBeginIndex()) {
      return;
    }
    new TextLayout(iterator, delegate.getFontRenderContext()).draw(delegate, x, y);
  }

  @Override
  public void drawString(AttributedCharacterIterator iterator, int x, int y) {
    drawString(iterator, (float) x, (float) y);
  }

  @Override
  public void drawChars(char[] data, int offset, int length, int x, int y) {
    drawString(new String(data, offset, length), x, y);
  }

  @Override
  public void drawBytes(byte[] data, int offset, int length, int x, int y) {
    drawString(
        new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1), x, y);
  }

  @Override
  public Graphics create() {
    return new TextLayoutGraphics((Graphics2D) delegate.create());
  }

  // Everything below passes through unchanged.

  @Override
  public void draw(Shape shape) {
    delegate.draw(shape);
  }

  @Override
  public boolean drawImage(Image image, AffineTransform transform, ImageObserver observer) {
    return delegate.drawImage(image, transform, observer);
  }

  @Override
  public void drawImage(BufferedImage image, BufferedImageOp operation, int x, int y) {
    delegate.drawImage(image, operation, x, y);
  }

  @Override
  public void drawRenderedImage(RenderedImage image, AffineTransform transform) {
    delegate.drawRenderedImage(image, transform);
  }

  @Override
  public void drawRenderableImage(RenderableImage image, AffineTransform transform) {
    delegate.drawRenderableImage(image, transform);
  }

  @Override
  public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
    delegate.drawGlyphVector(glyphs, x, y);
  }

  @Override
  public void fill(Shape shape) {
    delegate.fill(shape);
  }

  @Override
  public boolean hit(Rectangle rectangle, Shape shape, boolean onStroke) {
    return delegate.hit(rectangle, shape, onStroke);
  }

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    return delegate.getDeviceConfiguration();
  }

  @Override
  public void setComposite(Composite composite) {
    delegate.setComposite(composite);
  }

  @Override
  public void setPaint(Paint paint) {
    delegate.setPaint(paint);
  }

  @Override
  public void setStroke(Stroke stroke) {
    delegate.setStroke(stroke);
  }

  @Override
  public void setRenderingHint(RenderingHints.Key key, Object value) {
    delegate.setRenderingHint(key, value);
  }

  @Override
  public Object getRenderingHint(RenderingHints.Key key) {
    return delegate.getRenderingHint(key);
  }

  @Override
  public void setRenderingHints(Map<?, ?> hints) {
    delegate.setRenderingHints(hints);
  }

  @Override
  public void addRenderingHints(Map<?, ?> hints) {
    delegate.addRenderingHints(hints);
  }

  @Override
  public RenderingHints getRenderingHints() {
    return delegate.getRenderingHints();
  }

  @Override
  public void translate(int x, int y) {
    delegate.translate(x, y);
  }

  @Override
  public void translate(double x, double y) {
    delegate.translate(x, y);
  }

  @Override
  public void rotate(double theta) {
    delegate.rotate(theta);
  }

  @Override
  public void rotate(double theta, double x, double y) {
    delegate.rotate(theta, x, y);
  }

  @Override
  public void scale(double x, double y) {
    delegate.scale(x, y);
  }

  @Override
  public void shear(double x, double y) {
    delegate.shear(x, y);
  }

  @Override
  public void transform(AffineTransform transform) {
    delegate.transform(transform);
  }

  @Override
  public void setTransform(AffineTransform transform) {
    delegate.setTransform(transform);
  }

  @Override
  public AffineTransform getTransform() {
    return delegate.getTransform();
  }

  @Override
  public Paint getPaint() {
    return delegate.getPaint();
  }

  @Override
  public Composite getComposite() {
    return delegate.getComposite();
  }

  @Override
  public void setBackground(Color color) {
    delegate.setBackground(color);
  }

  @Override
  public Color getBackground() {
    return delegate.getBackground();
  }

  @Override
  public Stroke getStroke() {
    return delegate.getStroke();
  }

  @Override
  public void clip(Shape shape) {
    delegate.clip(shape);
  }

  @Override
  public FontRenderContext getFontRenderContext() {
    return delegate.getFontRenderContext();
  }

  @Override
  public Color getColor() {
    return delegate.getColor();
  }

  @Override
  public void setColor(Color color) {
    delegate.setColor(color);
  }

  @Override
  public void setPaintMode() {
    delegate.setPaintMode();
  }

  @Override
  public void setXORMode(Color color) {
    delegate.setXORMode(color);
  }

  @Override
  public Font getFont() {
    return delegate.getFont();
  }

  @Override
  public void setFont(Font font) {
    delegate.setFont(font);
  }

  @Override
  public FontMetrics getFontMetrics(Font font) {
    return delegate.getFontMetrics(font);
  }

  @Override
  public Rectangle getClipBounds() {
    return delegate.getClipBounds();
  }

  @Override
  public void clipRect(int x, int y, int width, int height) {
    delegate.clipRect(x, y, width, height);
  }

  @Override
  public void setClip(int x, int y, int width, int height) {
    delegate.setClip(x, y, width, height);
  }

  @Override
  public Shape getClip() {
    return delegate.getClip();
  }

  @Override
  public void setClip(Shape clip) {
    delegate.setClip(clip);
  }

  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {
    delegate.copyArea(x, y, width, height, dx, dy);
  }

  @Override
  public void drawLine(int x1, int y1, int x2, int y2) {
    delegate.drawLine(x1, y1, x2, y2);
  }

  @Override
  public void fillRect(int x, int y, int width, int height) {
    delegate.fillRect(x, y, width, height);
  }

  @Override
  public void clearRect(int x, int y, int width, int height) {
    delegate.clearRect(x, y, width, height);
  }

  @Override
  public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    delegate.drawRoundRect(x, y, width, height, arcWidth, arcHeight);
  }

  @Override
  public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    delegate.fillRoundRect(x, y, width, height, arcWidth, arcHeight);
  }

  @Override
  public void drawOval(int x, int y, int width, int height) {
    delegate.drawOval(x, y, width, height);
  }

  @Override
  public void fillOval(int x, int y, int width, int height) {
    delegate.fillOval(x, y, width, height);
  }

  @Override
  public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    delegate.drawArc(x, y, width, height, startAngle, arcAngle);
  }

  @Override
  public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    delegate.fillArc(x, y, width, height, startAngle, arcAngle);
  }

  @Override
  public void drawPolyline(int[] xPoints, int[] yPoints, int points) {
    delegate.drawPolyline(xPoints, yPoints, points);
  }

  @Override
  public void drawPolygon(int[] xPoints, int[] yPoints, int points) {
    delegate.drawPolygon(xPoints, yPoints, points);
  }

  @Override
  public void fillPolygon(int[] xPoints, int[] yPoints, int points) {
    delegate.fillPolygon(xPoints, yPoints, points);
  }

  @Override
  public boolean drawImage(Image image, int x, int y, ImageObserver observer) {
    return delegate.drawImage(image, x, y, observer);
  }

  @Override
  public boolean drawImage(
      Image image, int x, int y, int width, int height, ImageObserver observer) {
    return delegate.drawImage(image, x, y, width, height, observer);
  }

  @Override
  public boolean drawImage(Image image, int x, int y, Color background, ImageObserver observer) {
    return delegate.drawImage(image, x, y, background, observer);
  }

  @Override
  public boolean drawImage(
      Image image, int x, int y, int width, int height, Color background, ImageObserver observer) {
    return delegate.drawImage(image, x, y, width, height, background, observer);
  }

  @Override
  public boolean drawImage(
      Image image,
      int dx1,
      int dy1,
      int dx2,
      int dy2,
      int sx1,
      int sy1,
      int sx2,
      int sy2,
      ImageObserver observer) {
    return delegate.drawImage(image, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
  }

  @Override
  public boolean drawImage(
      Image image,
      int dx1,
      int dy1,
      int dx2,
      int dy2,
      int sx1,
      int sy1,
      int sx2,
      int sy2,
      Color background,
      ImageObserver observer) {
    return delegate.drawImage(image, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, background, observer);
  }

  @Override
  public void dispose() {
    delegate.dispose();
  }
}
