package org.tashil.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tashil.calendar.JalaliDate;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.schema.Column;
import org.tashil.schema.DatasetSchema;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;
import org.tashil.schema.RowRule;
import org.tashil.schema.TypedRow;
import org.tashil.text.PersianText;
import org.tashil.text.PersonalValues;

/**
 * Checks one row of an office file against every rule of its dataset (contract §2): each column's
 * own type, range, enumeration and registry, then the rules that compare columns. The row's
 * problems come back in column order, so the first one is the row's reason.
 */
public final class RowChecker implements Serializable {

  private final OfficeDataset dataset;
  private final Registry registry;
  private final String officeId;
  private final Period period;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final Map<String, Pattern> patterns = new HashMap<>();

  public RowChecker(OfficeDataset dataset, Registry registry, String officeId, Period period) {
    this.dataset = dataset;
    this.registry = registry;
    this.officeId = officeId;
    this.period = period;
    this.firstDay = period.firstDay();
    this.lastDay = period.lastDay();
  }

  /**
   * The outcome of one row: typed values in schema order, its problems in column order, and how
   * many personal values were masked in its free text.
   */
  public record CheckedRow(Object[] values, List<Problem> problems, int valuesMasked) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  /** Checks a row given as canonical column → normalised text (null when empty). */
  public CheckedRow check(Map<String, String> texts) {
    return check(texts, Set.of());
  }

  /**
   * Checks a row given as canonical column → normalised text (null when empty), where the columns
   * in {@code uncomputed} hold a formula without a computed value: a value nobody can read, which
   * is never taken as 0 or as empty.
   */
  public CheckedRow check(Map<String, String> texts, Set<String> uncomputed) {
    DatasetSchema schema = dataset.schema();
    Object[] values = new Object[schema.columns().size()];
    List<Problem> problems = new ArrayList<>();
    int masked = 0;
    for (int i = 0; i < values.length; i++) {
      Column column = schema.columns().get(i);
      if (uncomputed.contains(column.name())) {
        problems.add(uncomputedFormula(column));
        continue;
      }
      String text = texts.get(column.name());
      if (text == null) {
        if (column.isRequired()) {
          problems.add(
              Problem.of(
                  ProblemCode.MISSING_REQUIRED, column.name(), "value.missing", column.name()));
        }
        continue;
      }
      if (column.role() == Column.Role.FREE_TEXT) {
        PersonalValues.Masked maskedText = PersonalValues.mask(text);
        masked += maskedText.count();
        text = maskedText.text();
      }
      Optional<Problem> problem = parse(column, text, values, i);
      problem.ifPresent(problems::add);
    }
    TypedRow row = new Row(schema, values, texts);
    for (RowRule rule : schema.rules()) {
      rule.check(row, problems);
    }
    problems.sort(Comparator.comparingInt(p -> columnOrder(schema, p.column())));
    return new CheckedRow(values, List.copyOf(problems), masked);
  }

  /** A formula cell without a computed value: the problem its column's type gives. */
  private static Problem uncomputedFormula(Column column) {
    ProblemCode code =
        switch (column.type()) {
          case INTEGER -> ProblemCode.BAD_NUMBER;
          case DATE -> ProblemCode.BAD_DATE;
          case TEXT, ENUM -> ProblemCode.MISSING_REQUIRED;
        };
    return Problem.of(code, column.name(), "value.uncomputed_formula", column.name());
  }

  private Optional<Problem> parse(Column column, String text, Object[] values, int index) {
    String name = column.name();
    switch (column.type()) {
      case TEXT -> {
        if (column.role() == Column.Role.IDENTIFIER && PersonalValues.containsAny(text)) {
          return Optional.of(
              Problem.of(ProblemCode.PERSONAL_DATA, name, "value.personal_data", name));
        }
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
        // Ids are matched ignoring case; the warehouse stores the registry's spelling.
        Optional<Settlement> settlement = registry.settlement(text);
        if (settlement.isEmpty()) {
          return Optional.of(
              Problem.of(ProblemCode.UNKNOWN_SETTLEMENT, name, "value.unknown_settlement", text));
        }
        String id = settlement.get().id();
        String servedBy = settlement.get().officeId();
        // The office folder's spelling may differ from the registry's.
        if (!servedBy.equalsIgnoreCase(officeId)) {
          return Optional.of(
              Problem.of(
                  ProblemCode.WRONG_OFFICE,
                  name,
                  "value.wrong_office",
                  id,
                  servedBy,
                  registry.office(officeId).map(org.tashil.reference.Office::id).orElse(officeId)));
        }
        values[index] = id;
      }
      case AGENCY -> {
        Optional<org.tashil.reference.Agency> agency = registry.agency(text);
        if (agency.isEmpty()) {
          return Optional.of(
              Problem.of(ProblemCode.UNKNOWN_AGENCY, name, "value.unknown_agency", text));
        }
        values[index] = agency.get().id();
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
    if (column == null) {
      return -1; // a problem of the whole row comes first
    }
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
