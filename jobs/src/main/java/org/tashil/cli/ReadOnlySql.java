package org.tashil.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.execution.command.ExplainCommand;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What {@code tashil query} lets through: queries ({@code SELECT}, {@code WITH}, {@code VALUES},
 * {@code SHOW}, {@code DESCRIBE}, {@code EXPLAIN}) over the warehouse's views, nothing else. The
 * statement is checked on Spark's parsed plan, before anything runs (Spark runs a command as it
 * parses the statement): no command or write anywhere in it, every table a view of the warehouse or
 * of the query's own {@code WITH}, no path-based source ({@code text.`/etc/passwd`}), no function
 * that reads files or calls Java.
 */
final class ReadOnlySql {

  /** The table-valued functions a query may use: {@code range} reads nothing. */
  private static final Set<String> TABLE_FUNCTIONS = Set.of("range");

  /** Functions that call any Java method. */
  private static final Set<String> FORBIDDEN_FUNCTIONS =
      Set.of("reflect", "java_method", "try_reflect");

  private final Set<String> views;
  private final String warehouse;
  private final Set<String> withNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  private ReadOnlySql(Set<String> views, String warehouse) {
    this.views = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    this.views.addAll(views);
    this.warehouse = warehouse;
  }

  /**
   * Checks a statement before it runs.
   *
   * @param views the warehouse's views, all a query may read
   * @param warehouse where they come from, for messages
   * @throws UsageException naming what the statement may not do
   */
  static void check(SparkSession spark, String sql, Set<String> views, String warehouse) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException | RuntimeException e) {
      throw new UsageException(
          "the query does not parse: " + e.getMessage().lines().findFirst().orElse(""));
    }
    ReadOnlySql check = new ReadOnlySql(views, warehouse);
    check.collectWithNames(plan);
    check.statement(plan);
  }

  /** The statement's root: a query, or one of the few commands that only read. */
  private void statement(LogicalPlan plan) {
    if (plan instanceof ExplainCommand explain) {
      statement(explain.logicalPlan());
    } else if (plan instanceof ShowTables || plan instanceof ShowViews) {
      return; // they list the views, and read nothing else
    } else if (plan instanceof DescribeRelation
        || plan instanceof DescribeColumn
        || plan instanceof ShowColumns) {
      for (LogicalPlan child : children(plan)) {
        table(child);
      }
    } else {
      query(plan);
    }
  }

  /** A query tree: its nodes, the plans inside its expressions, and its {@code WITH} parts. */
  private void query(LogicalPlan plan) {
    if (plan instanceof Command
        || plan instanceof ParsedStatement
        || plan instanceof InsertIntoDir) {
      throw refused(
          "only a query runs here (SELECT, WITH, VALUES, SHOW, DESCRIBE, EXPLAIN); this statement ("
              + describe(plan)
              + ") would change something");
    }
    if (plan instanceof UnresolvedRelation relation) {
      relation(CollectionConverters.asJava(relation.multipartIdentifier()));
    } else if (plan instanceof UnresolvedTableValuedFunction function) {
      String name = String.join(".", CollectionConverters.asJava(function.name()));
      if (!TABLE_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT))) {
        throw refused(name + "(…) is not allowed: it reads outside the warehouse's views");
      }
    }
    for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
      expression(expression);
    }
    for (LogicalPlan child : children(plan)) {
      query(child);
    }
    for (QueryPlan<?> inner : CollectionConverters.asJava(plan.innerChildren())) {
      if (inner instanceof LogicalPlan innerPlan) {
        query(innerPlan);
      }
    }
  }

  private void expression(Expression expression) {
    if (expression instanceof SubqueryExpression subquery) {
      query(subquery.plan());
    } else if (expression instanceof UnresolvedFunction function) {
      List<String> parts = CollectionConverters.asJava(function.nameParts());
      String name = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
      if (FORBIDDEN_FUNCTIONS.contains(name)) {
        throw refused(name + "(…) is not allowed: it calls Java code");
      }
    }
    for (Expression child : CollectionConverters.asJava(expression.children())) {
      expression(child);
    }
  }

  /** A table named by SHOW COLUMNS or DESCRIBE. */
  private void table(LogicalPlan plan) {
    if (plan instanceof UnresolvedTableOrView table) {
      relation(CollectionConverters.asJava(table.multipartIdentifier()));
    } else if (plan instanceof UnresolvedRelation relation) {
      relation(CollectionConverters.asJava(relation.multipartIdentifier()));
    } else {
      query(plan);
    }
  }

  /** A table a query reads: a view of the warehouse or a part of its own WITH. */
  private void relation(List<String> name) {
    if (name.size() == 1 && (views.contains(name.get(0)) || withNames.contains(name.get(0)))) {
      return;
    }
    throw refused(
        String.join(".", name)
            + " is not one of the warehouse's views"
            + (views.isEmpty()
                ? " (the warehouse " + warehouse + " has no tables yet)"
                : " (tables: " + String.join(", ", views) + ")"));
  }

  private void collectWithNames(LogicalPlan plan) {
    if (plan instanceof UnresolvedWith with) {
      for (Tuple3<String, ?, ?> part : CollectionConverters.asJava(with.cteRelations())) {
        withNames.add(part._1());
      }
    }
    if (plan instanceof ExplainCommand explain) {
      collectWithNames(explain.logicalPlan());
    }
    for (LogicalPlan child : children(plan)) {
      collectWithNames(child);
    }
    for (QueryPlan<?> inner : CollectionConverters.asJava(plan.innerChildren())) {
      if (inner instanceof LogicalPlan innerPlan) {
        collectWithNames(innerPlan);
      }
    }
    for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
      collectWithNames(expression);
    }
  }

  private void collectWithNames(Expression expression) {
    if (expression instanceof SubqueryExpression subquery) {
      collectWithNames(subquery.plan());
    }
    for (Expression child : CollectionConverters.asJava(expression.children())) {
      collectWithNames(child);
    }
  }

  private static List<LogicalPlan> children(LogicalPlan plan) {
    return new ArrayList<>(CollectionConverters.asJava(plan.children()));
  }

  /** A statement as people name it: {@code DeleteFromTable} is "a DeleteFromTable statement". */
  private static String describe(LogicalPlan plan) {
    return "a "
        + plan.getClass().getSimpleName().replaceAll("Command$|Statement$", "")
        + " statement";
  }

  private static UsageException refused(String why) {
    return new UsageException("the query does not run: " + why);
  }
}
