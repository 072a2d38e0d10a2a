package org.tashil.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tashil.calendar.JalaliDate;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.schema.Column;
import org.tashil.schema.Dataset;
import org.tashil.schema.DatasetSchema;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;
import org.tashil.schema.RowRule;
import org.tashil.schema.TypedRow;
import org.tashil.text.PersianText;

/**
 * Checks one row of an office file against every rule of its dataset (contract §2): each column's
 * own type, range, enumeration and registry, then the rules that compare columns. The row's
 * problems come back in column order, so the first one is the row's reason.
 */
public final class RowChecker implements Serializable {

  private final Dataset dataset;
  private final Registry registry;
  private final String officeId;
  private final Period period;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final Map<String, Pattern> patterns = new HashMap<>();

  public RowChecker(Dataset dataset, Registry registry, String officeId, Period period) {
    this.dataset = dataset;
    this.registry = registry;
    this.officeId = officeId;
    this.period = period;
    this.firstDay = period.firstDay();
    this.lastDay = period.lastDay();
  }

  /** The outcome of one row: typed values in schema order, and its problems in column order. */
  public record CheckedRow(Object[] values, List<Problem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  /** Checks a row given as canonical column → normalised text (null when empty). */
  public CheckedRow check(Map<String, String> texts) {
    DatasetSchema schema = dataset.schema();
    Object[] values = new Object[schema.columns().size()];
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Column column = schema.columns().get(i);
      String text = texts.get(column.name());
      if (text == null) {
        if (column.isRequired()) {
          problems.add(
              Problem.of(
                  ProblemCode.MISSING_REQUIRED, column.name(), "value.missing", column.name()));
        }
        continue;
      }
      Optional<Problem> problem = parse(column, text, values, i);
      problem.ifPresent(problems::add);
    }
    TypedRow row = new Row(schema, values, texts);
    for (RowRule rule : schema.rules()) {
      rule.check(row, problems);
    }
    problems.sort(Comparator.comparingInt(p -> columnOrder(schema, p.column())));
    return new CheckedRow(values, List.copyOf(problems));
  }

  private Optional<Problem> parse(Column column, String text, Object[] values, int index) {
    String name = column.name();
    switch (column.type()) {
      case TEXT -> {
        if (text.length() > column.max()) {
          return Optional.of(
              Problem.of(ProblemCode.OUT_OF_RANGE, name, "value.too_long", name, column.max()));
        }
        if (column.pattern() != null && !pattern(column).matcher(text).matches()) {
          return Optional.of(Problem.of(ProblemCode.OUT_OF_RANGE, name, "value." + name));
        }
        return lookup(column, text, values, index);
      }
      case INTEGER -> {
        ValueParser.Result<Integer> parsed = ValueParser.integer(name, text);
        if (parsed.failed()) {
          return Optional.of(parsed.problem());
        }
        int value = parsed.value();
        if (value < column.min() || value > column.max()) {
          return Optional.of(
              Problem.of(
                  ProblemCode.OUT_OF_RANGE,
                  name,
                  "value.out_of_range",
                  name,
                  value,
                  column.min(),
                  column.max()));
        }
        values[index] = value;
        return Optional.empty();
      }
      case DATE -> {
        ValueParser.Result<LocalDate> parsed = ValueParser.date(name, text);
        if (parsed.failed()) {
          return Optional.of(parsed.problem());
        }
        LocalDate date = parsed.value();
        Optional<Problem> bound = checkBound(column, date);
        if (bound.isEmpty()) {
          values[index] = date;
        }
        return bound;
      }
      case ENUM -> {
        Optional<String> value = enumValue(column, text);
        if (value.isEmpty()) {
          return Optional.of(
              Problem.of(
                  ProblemCode.BAD_ENUM,
                  name,
                  "value.bad_enum",
                  name,
                  text,
                  String.join(", ", column.values())));
        }
        values[index] = value.get();
        return Optional.empty();
      }
    }
    throw new AssertionError(column.type());
  }

  private Optional<Problem> lookup(Column column, String text, Object[] values, int index) {
    String name = column.name();
    switch (column.lookup()) {
      case NONE -> values[index] = text;
      case SETTLEMENT -> {
        String id = registry.canonicalSettlementId(text);
        Optional<Settlement> settlement = registry.settlement(id);
        if (settlement.isEmpty()) {
          return Optional.of(
              Problem.of(ProblemCode.UNKNOWN_SETTLEMENT, name, "value.unknown_settlement", text));
        }
        if (!settlement.get().officeId().equals(officeId)) {
          return Optional.of(
              Problem.of(
                  ProblemCode.WRONG_OFFICE,
                  name,
                  "value.wrong_office",
                  id,
                  settlement.get().officeId(),
                  officeId));
        }
        values[index] = id;
      }
      case AGENCY -> {
        String id = registry.canonicalAgencyId(text);
        if (registry.agency(id).isEmpty()) {
          return Optional.of(
              Problem.of(ProblemCode.UNKNOWN_AGENCY, name, "value.unknown_agency", text));
        }
        values[index] = id;
      }
    }
    return Optional.empty();
  }

  /** Every bounded date is on or before the period's last day; some also on or after its first. */
  private Optional<Problem> checkBound(Column column, LocalDate date) {
    String name = column.name();
    boolean bounded = column.dateBound() != Column.DateBound.NONE;
    if (bounded && date.isAfter(lastDay)) {
      return Optional.of(
          Problem.of(
              ProblemCode.FUTURE_DATE,
              name,
              "value.future_date",
              name,
              JalaliDate.describe(date),
              period));
    }
    if (column.dateBound() == Column.DateBound.INSIDE_PERIOD && date.isBefore(firstDay)) {
      return Optional.of(
          Problem.of(
              ProblemCode.OUT_OF_RANGE,
              name,
              "value.before_period",
              name,
              JalaliDate.describe(date),
              period));
    }
    return Optional.empty();
  }

  private Pattern pattern(Column column) {
    return patterns.computeIfAbsent(column.name(), name -> Pattern.compile(column.pattern()));
  }

  /** The canonical value for an enumeration label: the value itself in any case, or an alias. */
  private Optional<String> enumValue(Column column, String text) {
    String key = PersianText.key(text).replace(' ', '_').replace('-', '_');
    if (column.values().contains(key)) {
      return Optional.of(key);
    }
    return registry.aliases().value(dataset, text).filter(column.values()::contains);
  }

  private static int columnOrder(DatasetSchema schema, String column) {
    for (int i = 0; i < schema.columns().size(); i++) {
      if (schema.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** The row as rules see it. */
  private record Row(DatasetSchema schema, Object[] values, Map<String, String> texts)
      implements TypedRow {
    @Override
    public Object value(String column) {
      return values[schema.indexOf(column)];
    }

    @Override
    public boolean isPresent(String column) {
      return texts.get(column) != null;
    }
  }
}
