package org.tashil.reports.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tashil.reports.model.Language;

/**
 * The reports' words, from the resource bundle {@code org/tashil/reports/labels} (Persian in the
 * base file, English in {@code labels_en}). Loaded without falling back to the JVM's default
 * locale: on an English machine, {@code getBundle("…", fa_IR)} would otherwise pick English.
 */
public final class Labels {

  public static final String BUNDLE = "org.tashil.reports.labels";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Labels(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  public static Labels of(Language language) {
    return new Labels(bundle(language), language.locale());
  }

  /** The bundle JasperReports fills with ({@code REPORT_RESOURCE_BUNDLE}). */
  public static ResourceBundle bundle(Language language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        language.locale(),
        Labels.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  public String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no label '" + key + "' in " + BUNDLE, e);
    }
  }

  /** Whether the bundle has the label. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** A label with {@link MessageFormat} arguments; numbers print in the language's digits. */
  public String format(String key, Object... arguments) {
    return new MessageFormat(text(key), locale).format(arguments);
  }
}
