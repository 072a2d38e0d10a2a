package org.tashil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tashil.aggregate.Deprivation;
import org.tashil.calendar.Period;

/**
 * The DuckDB SQL of {@code settlement_month} for one period, from the resource {@code
 * settlement_month.sql}, with its {@code ${...}} fragments filled in from the Java definitions: the
 * period's days, and the deprivations' weights, slum set and poverty line of {@link Deprivation}.
 *
 * @param views the statements to run first, in order: the {@code share} macro, then the
 *     intermediate views ({@code households_as_of_period}, {@code household_flags}, {@code
 *     household_sums}, {@code demands_as_of_period}, {@code demand_flags}, {@code demand_sums},
 *     {@code demands_as_of_previous}, {@code demand_balance}, {@code activity_sums}, {@code
 *     row_counts})
 * @param mart the query whose rows are the mart, sorted by settlement
 */
public record SettlementMonthSql(List<String> views, String mart) {

  static final String RESOURCE = "settlement_month.sql";
  private static final Pattern FRAGMENT = Pattern.compile("\\$\\{([a-z_]+)}");

  public SettlementMonthSql {
    views = List.copyOf(views);
    Objects.requireNonNull(mart, "mart");
  }

  public static SettlementMonthSql forPeriod(Period period) {
    List<String> statements = statements(fill(template(), fragments(period)));
    return new SettlementMonthSql(
        statements.subList(0, statements.size() - 1), statements.get(statements.size() - 1));
  }

  /**
   * The statements of a script, each ending with a semicolon at the end of a line that is not a
   * comment, without it; the comments before a statement stay with it.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    boolean code = false;
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      boolean comment = trimmed.startsWith("--");
      code |= !comment && !trimmed.isEmpty();
      if (!comment && trimmed.endsWith(";")) {
        statement.append(line, 0, line.lastIndexOf(';'));
        statements.add(statement.toString().strip());
        statement.setLength(0);
        code = false;
      } else {
        statement.append(line).append('\n');
      }
    }
    if (code) {
      throw new IllegalStateException(RESOURCE + " ends with a statement without its semicolon");
    }
    return statements;
  }

  /** The fragments a {@code ${name}} in the SQL stands for. */
  static Map<String, String> fragments(Period period) {
    Map<String, String> fragments = new LinkedHashMap<>();
    fragments.put("period", period.toString());
    fragments.put("first_day", period.firstDay().toString());
    fragments.put("last_day", period.lastDay().toString());
    fragments.put("previous_period", period.minusMonths(1).toString());
    fragments.put("previous_last_day", period.minusMonths(1).lastDay().toString());
    fragments.put("sixtieths", Integer.toString(Deprivation.SIXTIETHS));
    fragments.put("poverty_line_sixtieths", Integer.toString(Deprivation.POVERTY_LINE_SIXTIETHS));
    fragments.put(
        "score_sixtieths",
        each(Deprivation.values(), d -> "flag_" + d.key() + " * " + d.weightSixtieths(), " + "));
    fragments.put(
        "slum_flag",
        "greatest("
            + each(
                Deprivation.slumDeprivations().toArray(Deprivation[]::new),
                d -> "flag_" + d.key(),
                ", ")
            + ")");
    fragments.put(
        "deprivation_counts",
        each(
            Deprivation.values(),
            d -> "sum(flag_" + d.key() + ")::INTEGER AS dep_" + d.key(),
            ",\n  "));
    fragments.put(
        "deprivation_counts_or_zero",
        each(
            Deprivation.values(),
            d -> "coalesce(h.dep_" + d.key() + ", 0) AS dep_" + d.key(),
            ",\n    "));
    fragments.put(
        "deprivation_shares",
        each(
            Deprivation.values(),
            d -> "share(dep_" + d.key() + ", households) AS dep_" + d.key() + "_share",
            ",\n  "));
    return fragments;
  }

  private static String each(
      Deprivation[] deprivations, Function<Deprivation, String> fragment, String separator) {
    return Arrays.stream(deprivations).map(fragment).collect(Collectors.joining(separator));
  }

  static String fill(String template, Map<String, String> fragments) {
    Matcher matcher = FRAGMENT.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = fragments.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(
            RESOURCE + " names ${" + matcher.group(1) + "}, which nothing fills in");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String template() {
    try (InputStream in = SettlementMonthSql.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
