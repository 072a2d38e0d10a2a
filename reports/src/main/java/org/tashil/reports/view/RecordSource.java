package org.tashil.reports.view;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * A JasperReports data source over records: a field named {@code office} reads the record's {@code
 * office()} component. JasperReports' bean data source wants {@code getOffice()}; records keep
 * their plain accessors and the reports still read them by name. The templates make one per use
 * from a list parameter ({@code RecordSource.of($P{ROWS})}), and it rewinds, because a band that
 * must not split is filled again on the next page.
 */
public final class RecordSource implements JRRewindableDataSource {

  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> accessors = new HashMap<>();
          for (RecordComponent component : type.getRecordComponents()) {
            accessors.put(component.getName(), component.getAccessor());
          }
          return Map.copyOf(accessors);
        }
      };

  private final List<? extends Record> rows;
  private Iterator<? extends Record> position;
  private Record current;

  private RecordSource(List<? extends Record> rows) {
    this.rows = List.copyOf(rows);
    this.position = this.rows.iterator();
  }

  public static RecordSource of(List<? extends Record> rows) {
    return new RecordSource(rows);
  }

  @Override
  public boolean next() {
    if (!position.hasNext()) {
      current = null;
      return false;
    }
    current = position.next();
    return true;
  }

  @Override
  public void moveFirst() {
    position = rows.iterator();
    current = null;
  }

  @Override
  public Object getFieldValue(JRField field) throws JRException {
    Method accessor = ACCESSORS.get(current.getClass()).get(field.getName());
    if (accessor == null) {
      throw new JRException(
          "the row " + current.getClass().getSimpleName() + " has no field " + field.getName());
    }
    try {
      return accessor.invoke(current);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new JRException("cannot read " + field.getName(), e);
    }
  }
}
