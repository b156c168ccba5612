package org.planlab.testkit.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.stats.Column;
import org.planlab.planner.stats.ForeignKey;
import org.planlab.planner.stats.TableDefinition;

/**
 * Generates random SQL queries over a workload's tables, each a function of
 * its {@link Choices}. The queries use every construct listed in
 * {@link Feature}, reference 1 to {@code maxRelations} tables, and are
 * valid by construction: every column reference is in scope, every
 * comparison has operands of one type category, every set operation has
 * branches of matching column types.
 *
 * <p>They are also made to have one right answer, so that plans can be
 * compared by their rows: a LIMIT comes with an ORDER BY over every output
 * column, scalar subqueries aggregate (one row at most), window functions
 * are ones whose value ties cannot change (RANK, and aggregates over a
 * RANGE frame), and there is no division or floating-point arithmetic.
 *
 * <p>Joins follow foreign keys most of the time. Other equi-joins, theta
 * joins and cross joins are made only while a rough estimate of the join's
 * size, from the tables' row counts and distinct counts, stays under
 * {@link #MAX_ESTIMATED_ROWS}, so that answers can be computed on the
 * workload's small data.
 */
public final class QueryGenerator {
  /** The largest join result, estimated, that a non-foreign-key join may produce. */
  public static final double MAX_ESTIMATED_ROWS = 50_000;

  /** The most subquery levels below the top query. */
  private static final int MAX_DEPTH = 2;

  /** Type categories: values of one category compare with each other. */
  enum Cat {
    NUM, STR, DATE
  }

  /** A column in scope: its SQL reference, category, distinct count and numeric range. */
  record Col(String sql, Cat cat, double ndv, @Nullable Double min, @Nullable Double max,
      boolean integral) {
    Col withSql(String s) {
      return new Col(s, cat, ndv, min, max, integral);
    }
  }

  /** A relation in a FROM clause: its alias, its table (null if derived) and its columns. */
  record Rel(String alias, @Nullable TableDefinition table, List<Col> cols, double rows) {
    Col col(String name) {
      return cols.stream().filter(c -> c.sql.equals(alias + "." + name)).findFirst()
          .orElseThrow();
    }
  }

  /** An expression with its category. */
  record Expr(String sql, Cat cat, double ndv, @Nullable Double min, @Nullable Double max,
      boolean integral) {
    static Expr of(Col c) {
      return new Expr(c.sql, c.cat, c.ndv, c.min, c.max, c.integral);
    }

    Col as(String name) {
      return new Col(name, cat, ndv, min, max, integral);
    }
  }

  /** A SELECT's text and its output columns (named c0, c1, ...). */
  record Sel(String sql, List<Col> out) {
  }

  private final String suite;
  private final List<TableDefinition> tables;
  private final int maxRelations;

  /**
   * A generator over {@code tables} (their row counts those of the data the
   * queries will run on) making queries of 1 to {@code maxRelations} tables.
   */
  public QueryGenerator(String suite, List<TableDefinition> tables, int maxRelations) {
    if (maxRelations < 1) {
      throw new IllegalArgumentException("maxRelations must be >= 1, got " + maxRelations);
    }
    this.suite = suite;
    this.tables = List.copyOf(tables);
    this.maxRelations = maxRelations;
  }

  public String suite() {
    return suite;
  }

  /** The query that {@code choices} make. */
  public GeneratedQuery generate(Choices choices) {
    Run run = new Run(choices);
    return run.query();
  }

  /** The query that {@code seed} makes. */
  public GeneratedQuery generate(long seed) {
    return generate(Choices.random(seed));
  }

  /** One generation: the choices, the names handed out and what was used. */
  private final class Run {
    final Choices c;
    final Set<Feature> features = EnumSet.noneOf(Feature.class);
    int aliases;
    int relations;
    int relationLimit;

    Run(Choices c) {
      this.c = c;
    }

    GeneratedQuery query() {
      // Skewed towards few relations: 1 + a choice below 1 + a choice below the maximum.
      int n = 1 + c.below(1 + c.below(maxRelations));
      relationLimit = maxRelations;
      Sel q;
      if (n >= 2 && c.chance(15)) {
        q = setOperation(n, 0);
      } else {
        q = select(n, null, 0, null, true);
      }
      // The ternary-logic partitioning predicate, over the query's output columns.
      Rel x = new Rel("x", null, q.out.stream().map(col -> col.withSql("x." + col.sql))
          .collect(Collectors.toList()), 1000);
      Scope s = new Scope(List.of(x), null);
      int inQuery = relations;
      relationLimit = relations + 1; // the predicate may read one table in a subquery
      String p = predicate(s, 1);
      return new GeneratedQuery(suite, q.sql, p, inQuery, features, c.sequence());
    }

    String alias(String prefix) {
      return prefix + aliases++;
    }

    // ---------------------------------------------------------------- SELECT

    /**
     * A SELECT over {@code n} relations. {@code types}: the categories its
     * columns must have (a set operation's second branch), else free.
     */
    Sel select(int n, @Nullable Scope outer, int depth, @Nullable List<Cat> types,
        boolean top) {
      Scope s = from(n, outer, depth);
      String where = c.chance(60) ? predicate(s, depth) : null;
      List<String> items = new ArrayList<>();
      List<Col> out = new ArrayList<>();
      String groupBy = null;
      String having = null;
      boolean distinct = false;
      if (types != null) {
        for (Cat cat : types) {
          Expr e = value(s, cat, depth);
          add(items, out, e);
        }
        distinct = c.chance(20);
      } else if (c.chance(35)) {
        features.add(Feature.GROUP_BY);
        int keys = c.below(3); // 0 keys: a global aggregate
        List<String> keySql = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
          Expr e = value(s, null, depth);
          keySql.add(e.sql);
          add(items, out, e);
        }
        int aggs = 1 + c.below(3);
        for (int i = 0; i < aggs; i++) {
          add(items, out, aggregate(s));
        }
        if (!keySql.isEmpty()) {
          groupBy = String.join(", ", keySql);
        }
        if (c.chance(35)) {
          features.add(Feature.HAVING);
          Expr a = aggregate(s);
          having = a.sql + " " + comparison() + " " + literal(a);
        }
      } else {
        int m = 1 + c.below(4);
        for (int i = 0; i < m; i++) {
          add(items, out, value(s, null, depth));
        }
        if (c.chance(15)) {
          add(items, out, window(s));
        } else if (c.chance(20)) {
          features.add(Feature.DISTINCT);
          distinct = true;
        }
      }
      StringBuilder sql = new StringBuilder("SELECT ");
      if (distinct) {
        features.add(Feature.DISTINCT);
        sql.append("DISTINCT ");
      }
      sql.append(String.join(", ", items)).append(" FROM ").append(s.from);
      if (where != null) {
        sql.append(" WHERE ").append(where);
      }
      if (groupBy != null) {
        sql.append(" GROUP BY ").append(groupBy);
      }
      if (having != null) {
        sql.append(" HAVING ").append(having);
      }
      if (top) {
        sql.append(orderAndLimit(out));
      }
      return new Sel(sql.toString(), out);
    }

    /** Names the item {@code c<i>} and records its output column. */
    void add(List<String> items, List<Col> out, Expr e) {
      String name = "c" + out.size();
      items.add(e.sql + " AS " + name);
      out.add(e.as(name));
    }

    /**
     * Optionally ORDER BY every output column, and LIMIT: ordering by all of
     * them makes the rows a LIMIT keeps the same whatever the plan.
     */
    String orderAndLimit(List<Col> out) {
      if (!c.chance(30)) {
        return "";
      }
      features.add(Feature.ORDER_BY);
      String order = out.stream().map(col -> col.sql + (c.chance(30) ? " DESC" : ""))
          .collect(Collectors.joining(", "));
      String s = " ORDER BY " + order;
      if (c.chance(50)) {
        features.add(Feature.LIMIT);
        s += " LIMIT " + c.oneOf(1, 5, 10, 100, 0);
      }
      return s;
    }

    /** Two SELECTs with the same column categories, combined. */
    Sel setOperation(int n, int depth) {
      int left = 1 + c.below(n - 1);
      relationLimit--; // the second branch reads at least one table
      Sel a = select(left, null, depth, null, false);
      relationLimit++;
      List<Cat> types = a.out.stream().map(Col::cat).toList();
      Sel b = select(Math.max(1, n - left), null, depth, types, false);
      String op = c.oneOf("UNION ALL", "UNION", "INTERSECT", "EXCEPT");
      features.add(switch (op) {
        case "UNION ALL" -> Feature.UNION_ALL;
        case "UNION" -> Feature.UNION;
        case "INTERSECT" -> Feature.INTERSECT;
        default -> Feature.EXCEPT;
      });
      String sql = a.sql + " " + op + " " + b.sql;
      List<Col> out = a.out;
      String tail = orderAndLimit(out);
      return new Sel(tail.isEmpty() ? sql : "SELECT * FROM (" + sql + ") AS " + alias("u")
          + tail, out);
    }

    // ------------------------------------------------------------------ FROM

    /** A FROM clause of {@code n} relations joined left-deep, and its scope. */
    Scope from(int n, @Nullable Scope outer, int depth) {
      List<Rel> rels = new ArrayList<>();
      Item first = relation(depth);
      rels.add(first.rel);
      StringBuilder from = new StringBuilder(first.fromItem);
      double rows = first.rel.rows;
      for (int i = 1; i < n && relations < relationLimit; i++) {
        Join j = join(rels, rows, depth, 0);
        if (j == null) {
          break;
        }
        rels.add(j.rel.rel);
        rows = j.rows;
        from.append(' ').append(j.sql);
      }
      return new Scope(rels, outer, from.toString());
    }

    /** A FROM item and its relation. */
    record Item(Rel rel, String fromItem) {
    }

    /** A base table, or now and then a grouped derived table. */
    Item relation(int depth) {
      relations++;
      if (depth < MAX_DEPTH && relations < relationLimit && c.chance(8)) {
        features.add(Feature.DERIVED_TABLE);
        relations--;
        Sel d = select(1 + c.below(2), null, depth + 1, null, false);
        String alias = alias("d");
        List<Col> cols = d.out.stream().map(col -> col.withSql(alias + "." + col.sql)).toList();
        return new Item(new Rel(alias, null, cols, 1000), "(" + d.sql + ") AS " + alias);
      }
      TableDefinition t = c.pick(tables);
      return table(t);
    }

    Item table(TableDefinition t) {
      String alias = alias("t");
      List<Col> cols = new ArrayList<>();
      for (Column col : t.columns()) {
        cols.add(column(alias, col));
      }
      return new Item(new Rel(alias, t, cols, Math.max(1, t.rowCount())),
          t.name() + " AS " + alias);
    }

    /** A join step: the SQL after the previous items, the new relation and the rows estimated. */
    record Join(String sql, Item rel, double rows) {
    }

    @Nullable Join join(List<Rel> rels, double rows, int depth, int attempt) {
      String type = c.oneOf("INNER JOIN", "INNER JOIN", "INNER JOIN", "INNER JOIN", "LEFT JOIN",
          "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN");
      int how = c.below(10); // 0-6: along a foreign key; 7-8: other columns; 9: theta
      List<FkEdge> edges = foreignKeyEdges(rels);
      String on;
      Item item;
      double estimate;
      if (!edges.isEmpty() && (attempt >= 2 || !type.equals("CROSS JOIN") && how <= 6)) {
        // Keys whose join keeps the estimate small (towards a referenced table, mostly).
        List<FkEdge> small = edges.stream()
            .filter(e -> rows * e.table.rowCount() / e.ndv() <= MAX_ESTIMATED_ROWS).toList();
        if (small.isEmpty()) {
          return null;
        }
        FkEdge e = c.pick(small);
        relations++;
        item = table(e.table);
        on = e.condition(item.rel);
        estimate = rows * item.rel.rows / e.ndv();
        features.add(Feature.FOREIGN_KEY_JOIN);
      } else {
        // A table that keeps the estimate small; none left: no join.
        List<TableDefinition> fitting = new ArrayList<>();
        for (TableDefinition t : tables) {
          double f = type.equals("CROSS JOIN") ? rows * t.rowCount()
              : how == 9 ? rows * t.rowCount() / 3 : rows * t.rowCount() / 10;
          if (f <= MAX_ESTIMATED_ROWS) {
            fitting.add(t);
          }
        }
        if (fitting.isEmpty()) {
          if (edges.isEmpty()) {
            return null;
          }
          return join(rels, rows, depth, attempt + 1); // the next choices decide; a key join at last
        }
        relations++;
        item = table(c.pick(fitting));
        if (type.equals("CROSS JOIN")) {
          features.add(Feature.CROSS_JOIN);
          String sql = type + " " + item.fromItem;
          return new Join(sql, item, rows * item.rel.rows);
        }
        Col a = null;
        Col b = null;
        for (int tries = 0; tries < 4 && a == null; tries++) {
          Rel left = c.pick(rels);
          Col x = c.pick(left.cols);
          List<Col> same = item.rel.cols.stream().filter(y -> y.cat == x.cat).toList();
          if (!same.isEmpty()) {
            a = x;
            b = c.pick(same);
          }
        }
        if (a == null) {
          // No pair of one category found: cross join, where small enough.
          if (rows * item.rel.rows > MAX_ESTIMATED_ROWS) {
            relations--;
            return null;
          }
          features.add(Feature.CROSS_JOIN);
          return new Join("CROSS JOIN " + item.fromItem, item, rows * item.rel.rows);
        }
        if (how == 9) {
          features.add(Feature.THETA_JOIN);
          on = a.sql + " " + c.oneOf("<", "<=", ">", "<>") + " " + b.sql;
          estimate = rows * item.rel.rows / 3;
        } else {
          features.add(Feature.EQUI_JOIN);
          on = a.sql + " = " + b.sql;
          estimate = rows * item.rel.rows / Math.max(1, Math.max(a.ndv, b.ndv));
        }
        if (estimate > MAX_ESTIMATED_ROWS) {
          // Bound the join: an extra conjunct on the new table's key.
          Col k = item.rel.cols.get(0);
          on += " AND " + k.sql + " <= " + literalAt(Expr.of(k), 1);
          estimate = Math.min(estimate, MAX_ESTIMATED_ROWS);
        }
      }
      if (c.chance(20)) {
        on += " AND " + simplePredicate(new Scope(List.of(item.rel), null));
      }
      if (type.equals("CROSS JOIN")) {
        type = "INNER JOIN"; // a key join taken instead of a cross join: it has an ON
      }
      features.add(switch (type) {
        case "LEFT JOIN" -> Feature.LEFT_JOIN;
        case "RIGHT JOIN" -> Feature.RIGHT_JOIN;
        case "FULL JOIN" -> Feature.FULL_JOIN;
        default -> Feature.INNER_JOIN;
      });
      return new Join(type + " " + item.fromItem + " ON " + on, item, estimate);
    }

    /** A foreign key between a relation in scope and a table to join. */
    record FkEdge(Rel existing, TableDefinition table, List<String> existingCols,
        List<String> tableCols) {
      String condition(Rel added) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < existingCols.size(); i++) {
          parts.add(existing.alias + "." + existingCols.get(i) + " = " + added.alias + "."
              + tableCols.get(i));
        }
        return String.join(" AND ", parts);
      }

      /** The larger distinct count of the two sides' key columns. */
      double ndv() {
        double ndv = 1;
        for (String k : existingCols) {
          ndv = Math.max(ndv, existing.col(k).ndv);
        }
        for (String k : tableCols) {
          ndv = Math.max(ndv, table.column(k).orElseThrow().statistics().distinctCount());
        }
        return ndv;
      }
    }

    List<FkEdge> foreignKeyEdges(List<Rel> rels) {
      List<FkEdge> out = new ArrayList<>();
      for (Rel r : rels) {
        if (r.table == null) {
          continue;
        }
        for (ForeignKey fk : r.table.foreignKeys()) {
          tables.stream().filter(t -> t.name().equalsIgnoreCase(fk.referencedTable()))
              .findFirst().ifPresent(t -> out.add(new FkEdge(r, t, fk.columns(),
                  fk.referencedColumns())));
        }
        for (TableDefinition t : tables) {
          for (ForeignKey fk : t.foreignKeys()) {
            if (fk.referencedTable().equalsIgnoreCase(r.table.name())) {
              out.add(new FkEdge(r, t, fk.referencedColumns(), fk.columns()));
            }
          }
        }
      }
      return out;
    }

    // ------------------------------------------------------------- predicates

    /** A boolean expression over {@code s}, possibly with subqueries. */
    String predicate(Scope s, int depth) {
      int k = c.below(15);
      boolean leafOnly = depth >= 4;
      boolean subquery = depth < 3 && relations < relationLimit;
      switch (leafOnly ? k % 2 : k) {
        case 2 -> {
          features.add(Feature.AND);
          return "(" + predicate(s, depth + 1) + " AND " + predicate(s, depth + 1) + ")";
        }
        case 3 -> {
          features.add(Feature.OR);
          return "(" + predicate(s, depth + 1) + " OR " + predicate(s, depth + 1) + ")";
        }
        case 4 -> {
          features.add(Feature.NOT);
          return "NOT (" + predicate(s, depth + 1) + ")";
        }
        case 9 -> {
          features.add(Feature.CASE);
          Expr e = value(s, Cat.NUM, depth + 1);
          return "CASE WHEN " + predicate(s, depth + 1) + " THEN " + e.sql + " ELSE "
              + literal(e) + " END " + comparison() + " " + literal(e);
        }
        case 10 -> {
          return subquery ? inSubquery(s, depth) : simplePredicate(s);
        }
        case 11 -> {
          return subquery ? exists(s, depth) : simplePredicate(s);
        }
        case 12 -> {
          return subquery ? scalarSubquery(s, depth) : simplePredicate(s);
        }
        default -> {
          return simplePredicate(s);
        }
      }
    }

    /** A predicate without subqueries or connectives over one or two columns. */
    String simplePredicate(Scope s) {
      Col a = c.pick(s.columns());
      Expr e = Expr.of(a);
      switch (c.below(8)) {
        case 1 -> {
          List<Col> same = s.columns().stream().filter(x -> x.cat == a.cat && x != a).toList();
          if (!same.isEmpty()) {
            return a.sql + " " + comparison() + " " + c.pick(same).sql;
          }
        }
        case 2 -> {
          features.add(Feature.IN_LIST);
          int n = 1 + c.below(4);
          List<String> values = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            values.add(literal(e));
          }
          return a.sql + (c.chance(25) ? " NOT IN (" : " IN (") + String.join(", ", values)
              + ")";
        }
        case 3 -> {
          features.add(Feature.BETWEEN);
          String lo = literalAt(e, c.below(5));
          String hi = literalAt(e, 4 + c.below(5));
          return a.sql + (c.chance(20) ? " NOT BETWEEN " : " BETWEEN ") + lo + " AND " + hi;
        }
        case 4 -> {
          if (a.cat == Cat.STR) {
            features.add(Feature.LIKE);
            return a.sql + (c.chance(20) ? " NOT LIKE '" : " LIKE '")
                + c.oneOf("%a%", "A%", "%1", "%#%", "_%", "%e_", "%") + "'";
          }
        }
        case 5 -> {
          features.add(Feature.IS_NULL);
          return a.sql + (c.chance(50) ? " IS NOT NULL" : " IS NULL");
        }
        case 6 -> {
          if (a.cat == Cat.NUM) {
            return "(" + a.sql + " + " + c.oneOf(1, 10, -3) + ") " + comparison() + " "
                + literal(e);
          }
        }
        default -> {
        }
      }
      return a.sql + " " + comparison() + " " + literal(e);
    }

    String comparison() {
      return c.oneOf("=", "<", ">", "<=", ">=", "<>");
    }

    /** A one-table subquery scope for a correlated subquery from {@code outer}. */
    record Sub(Scope scope, String correlation) {
    }

    /**
     * A table to read in a subquery under {@code outer}, and the condition
     * that correlates it: along a foreign key where one exists, else on a
     * pair of columns of one category, else none.
     */
    Sub subqueryTable(Scope outer, boolean correlate) {
      List<FkEdge> edges = foreignKeyEdges(outer.rels);
      Item item;
      String corr = null;
      relations++;
      if (!edges.isEmpty() && c.below(3) < 2) {
        FkEdge e = c.pick(edges);
        item = table(e.table);
        corr = e.condition(item.rel);
      } else {
        item = table(c.pick(tables));
        Col x = c.pick(outer.columns());
        List<Col> same = item.rel.cols.stream().filter(y -> y.cat == x.cat).toList();
        if (!same.isEmpty()) {
          corr = c.pick(same).sql + " = " + x.sql;
        }
      }
      if (correlate && corr != null) {
        features.add(Feature.CORRELATED);
      }
      return new Sub(new Scope(List.of(item.rel), outer, item.fromItem),
          correlate ? corr : null);
    }

    String subWhere(Sub sub, int depth, @Nullable String extra) {
      List<String> parts = new ArrayList<>();
      if (sub.correlation != null) {
        parts.add(sub.correlation);
      }
      if (extra != null) {
        parts.add(extra);
      }
      if (c.chance(50)) {
        parts.add(predicate(sub.scope, depth + 1));
      }
      return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    String inSubquery(Scope s, int depth) {
      features.add(Feature.IN_SUBQUERY);
      Col x = c.pick(s.columns());
      boolean not = c.chance(30);
      features.add(not ? Feature.ANTI_JOIN : Feature.SEMI_JOIN);
      Sub sub = subqueryTable(s, c.chance(25));
      List<Col> same = sub.scope.rels.get(0).cols.stream().filter(y -> y.cat == x.cat).toList();
      if (same.isEmpty()) {
        relations--;
        return simplePredicate(s);
      }
      Col y = c.pick(same);
      return x.sql + (not ? " NOT IN " : " IN ") + "(SELECT " + y.sql + " FROM "
          + sub.scope.from + subWhere(sub, depth, null) + ")";
    }

    String exists(Scope s, int depth) {
      features.add(Feature.EXISTS);
      boolean not = c.chance(35);
      features.add(not ? Feature.ANTI_JOIN : Feature.SEMI_JOIN);
      Sub sub = subqueryTable(s, true);
      return (not ? "NOT EXISTS " : "EXISTS ") + "(SELECT 1 FROM " + sub.scope.from
          + subWhere(sub, depth, null) + ")";
    }

    String scalarSubquery(Scope s, int depth) {
      features.add(Feature.SCALAR_SUBQUERY);
      Sub sub = subqueryTable(s, c.chance(60));
      Rel inner = sub.scope.rels.get(0);
      if (c.chance(30)) {
        return "(SELECT COUNT(*) FROM " + sub.scope.from + subWhere(sub, depth, null) + ") "
            + comparison() + " " + c.oneOf(0, 1, 2, 10);
      }
      Col x = c.pick(s.columns());
      List<Col> same = inner.cols.stream().filter(y -> y.cat == x.cat).toList();
      if (same.isEmpty()) {
        relations--;
        return simplePredicate(s);
      }
      Col y = c.pick(same);
      return x.sql + " " + comparison() + " (SELECT " + c.oneOf("MAX", "MIN") + "(" + y.sql
          + ") FROM " + sub.scope.from + subWhere(sub, depth, null) + ")";
    }

    // ---------------------------------------------------------------- values

    /** A value of category {@code cat} (any if null) over {@code s}. */
    Expr value(Scope s, @Nullable Cat cat, int depth) {
      List<Col> cols = cat == null ? s.columns()
          : s.columns().stream().filter(x -> x.cat == cat).toList();
      if (cols.isEmpty()) {
        // No column of the category: a constant (still valid where a set operation needs it).
        return switch (cat) {
          case NUM -> new Expr("1", Cat.NUM, 1, 1.0, 1.0, true);
          case STR -> new Expr("'x'", Cat.STR, 1, null, null, false);
          default -> new Expr("DATE '1998-01-01'", Cat.DATE, 1, null, null, false);
        };
      }
      Col a = c.pick(cols);
      Expr e = Expr.of(a);
      switch (c.below(8)) {
        case 1 -> {
          if (a.cat == Cat.NUM) {
            return new Expr("(" + a.sql + " + " + c.oneOf(1, 100, -7) + ")", Cat.NUM, a.ndv,
                null, null, a.integral);
          }
        }
        case 2 -> {
          features.add(Feature.CASE);
          String alt = literal(e);
          // No subqueries inside values (they may end up in a GROUP BY).
          String p = predicate(s, Math.max(depth + 2, 3));
          return new Expr("CASE WHEN " + p + " THEN " + a.sql + " ELSE " + alt + " END", a.cat,
              a.ndv, a.min, a.max, a.integral);
        }
        case 3 -> {
          return new Expr("COALESCE(" + a.sql + ", " + literal(e) + ")", a.cat, a.ndv, a.min,
              a.max, a.integral);
        }
        case 4 -> {
          if (a.cat == Cat.STR && cat == null) {
            return new Expr("SUBSTRING(" + a.sql + " FROM 1 FOR 2)", Cat.STR, 100, null, null,
                false);
          }
          if (a.cat == Cat.DATE && cat == null) {
            return new Expr("EXTRACT(YEAR FROM " + a.sql + ")", Cat.NUM, 7, 1990.0, 2005.0,
                true);
          }
        }
        default -> {
        }
      }
      return e;
    }

    /** An aggregate call over {@code s}. */
    Expr aggregate(Scope s) {
      Col a = c.pick(s.columns());
      return switch (c.below(6)) {
        case 1 -> new Expr("COUNT(" + a.sql + ")", Cat.NUM, 100, 0.0, 1000.0, true);
        case 2 -> new Expr("COUNT(DISTINCT " + a.sql + ")", Cat.NUM, 100, 0.0, 100.0, true);
        case 3 -> a.cat == Cat.NUM
            ? new Expr("SUM(" + a.sql + ")", Cat.NUM, 100, a.min, a.max, a.integral)
            : new Expr("MIN(" + a.sql + ")", a.cat, a.ndv, a.min, a.max, a.integral);
        case 4 -> new Expr("MAX(" + a.sql + ")", a.cat, a.ndv, a.min, a.max, a.integral);
        case 5 -> a.cat == Cat.NUM
            ? new Expr("AVG(" + a.sql + ")", Cat.NUM, 100, a.min, a.max, false)
            : new Expr("COUNT(*)", Cat.NUM, 100, 0.0, 1000.0, true);
        default -> new Expr("COUNT(*)", Cat.NUM, 100, 0.0, 1000.0, true);
      };
    }

    /** A window function whose values ties cannot change. */
    Expr window(Scope s) {
      features.add(Feature.WINDOW);
      Col p = c.pick(s.columns());
      Col o = c.pick(s.columns());
      Col a = c.pick(s.columns());
      String over = "OVER (PARTITION BY " + p.sql;
      return switch (c.below(4)) {
        case 1 -> new Expr("RANK() " + over + " ORDER BY " + o.sql + ")", Cat.NUM, 100, 1.0,
            100.0, true);
        case 2 -> a.cat == Cat.NUM
            ? new Expr("SUM(" + a.sql + ") " + over + ")", Cat.NUM, 100, a.min, a.max,
                a.integral)
            : new Expr("COUNT(" + a.sql + ") " + over + ")", Cat.NUM, 100, 0.0, 100.0, true);
        case 3 -> new Expr("MAX(" + a.sql + ") " + over + " ORDER BY " + o.sql
            + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", a.cat, a.ndv, a.min,
            a.max, a.integral);
        default -> new Expr("COUNT(*) " + over + ")", Cat.NUM, 100, 1.0, 100.0, true);
      };
    }

    // -------------------------------------------------------------- literals

    /** A literal of {@code e}'s category, inside its range where known. */
    String literal(Expr e) {
      return literalAt(e, c.below(9));
    }

    /** A literal at {@code step} eighths of {@code e}'s range. */
    String literalAt(Expr e, int step) {
      switch (e.cat) {
        case NUM -> {
          if (e.min == null) {
            return Integer.toString(step * 10);
          }
          double v = e.min + (e.max - e.min) * step / 8.0;
          return e.integral ? Long.toString(Math.round(v))
              : String.format(Locale.ROOT, "%.2f", v);
        }
        case DATE -> {
          long day = e.min == null ? LocalDate.of(1995, 1, 1).toEpochDay()
              : Math.round(e.min + (e.max - e.min) * step / 8.0);
          return "DATE '" + LocalDate.ofEpochDay(day) + "'";
        }
        default -> {
          return "'" + new String[] {"A", "a", "1", "AIR", "MAIL", "N", "R", "Y", "M"}[step % 9]
              + "'";
        }
      }
    }
  }

  /** The relations of a FROM clause, with the scope it is nested in. */
  static final class Scope {
    final List<Rel> rels;
    final @Nullable Scope outer;
    final String from;

    Scope(List<Rel> rels, @Nullable Scope outer) {
      this(rels, outer, "");
    }

    Scope(List<Rel> rels, @Nullable Scope outer, String from) {
      this.rels = rels;
      this.outer = outer;
      this.from = from;
    }

    List<Col> columns() {
      List<Col> out = new ArrayList<>();
      for (Rel r : rels) {
        out.addAll(r.cols);
      }
      return out;
    }
  }

  static Col column(String alias, Column col) {
    Cat cat = switch (col.type()) {
      case CHAR, VARCHAR -> Cat.STR;
      case DATE -> Cat.DATE;
      default -> Cat.NUM;
    };
    boolean integral = switch (col.type()) {
      case INTEGER, BIGINT, SMALLINT, TINYINT -> true;
      default -> false;
    };
    return new Col(alias + "." + col.name(), cat, col.statistics().distinctCount(),
        cat == Cat.STR ? null : col.statistics().min(),
        cat == Cat.STR ? null : col.statistics().max(), integral);
  }
}
