package org.planlab.rules.joinorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A key for what an expression of scans, filters, projections and inner
 * joins returns, the same whatever the join order or physical form: the
 * tables it reads and its predicates written over their columns
 * ({@code lineitem.l_orderkey}), each predicate a conjunct, operands of
 * symmetric operators sorted. Two expressions with the same key return the
 * same rows, so a row count measured for one holds for the other: what
 * injecting measured cardinalities relies on. Expressions with anything
 * else (aggregates, outer, semi or anti joins, a table read twice) have no
 * key.
 */
public final class CardinalityKeys {
  private CardinalityKeys() {
  }

  /** What an expression's key is made of, and its output fields over base columns. */
  record Shape(List<String> fields, Set<String> tables, Set<String> predicates) {
  }

  /** The key of {@code rel}, or null if it has none. */
  public static @Nullable String of(RelNode rel) {
    return of(rel, j -> false);
  }

  /**
   * The key of {@code rel}, where a semi join that {@code sameAsInner}
   * accepts (its right side unique on the join keys, so that it returns the
   * inner join's rows) counts as that inner join.
   */
  public static @Nullable String of(RelNode rel, java.util.function.Predicate<Join> sameAsInner) {
    Shape s = shape(rel, sameAsInner);
    return s == null ? null : key(s.tables(), s.predicates());
  }

  /**
   * The key of joining the inputs of {@code multiJoin} in {@code set}
   * (a bit per input) with the join filter's conjuncts among them.
   */
  public static @Nullable String ofSubset(MultiJoin multiJoin, long set) {
    List<RelNode> inputs = multiJoin.getInputs();
    List<String> fields = new ArrayList<>();
    Set<String> tables = new TreeSet<>();
    Set<String> predicates = new TreeSet<>();
    boolean[] in = new boolean[multiJoin.getRowType().getFieldCount()];
    for (int i = 0; i < inputs.size(); i++) {
      Shape s = shape(inputs.get(i));
      boolean member = (set & (1L << i)) != 0;
      int width = inputs.get(i).getRowType().getFieldCount();
      if (member) {
        if (s == null) {
          return null;
        }
        for (String t : s.tables()) {
          if (!tables.add(t)) {
            return null; // a table read twice: its columns would be ambiguous
          }
        }
        predicates.addAll(s.predicates());
      }
      for (int f = 0; f < width; f++) {
        in[fields.size()] = member;
        fields.add(member && s != null ? s.fields().get(f) : null);
      }
    }
    for (RexNode c : RelOptUtil.conjunctions(multiJoin.getJoinFilter())) {
      if (c.isAlwaysTrue()) {
        continue;
      }
      boolean inside = true;
      for (int f : RelOptUtil.InputFinder.bits(c)) {
        inside &= in[f];
      }
      if (inside) {
        String p = render(c, fields);
        if (p == null) {
          return null;
        }
        predicates.add(p);
      }
    }
    return key(tables, predicates);
  }

  private static String key(Set<String> tables, Set<String> predicates) {
    return String.join(",", tables) + " | " + String.join(" & ", predicates);
  }

  static @Nullable Shape shape(RelNode rel) {
    return shape(rel, j -> false);
  }

  static @Nullable Shape shape(RelNode rel, java.util.function.Predicate<Join> sameAsInner) {
    if (rel instanceof HepRelVertex v) {
      return shape(v.getCurrentRel(), sameAsInner);
    }
    if (rel instanceof RelSubset s) {
      RelNode r = s.getBest() != null ? s.getBest() : s.getOriginal();
      return r == null ? null : shape(r, sameAsInner);
    }
    if (rel instanceof TableScan scan) {
      String table = String.join(".", scan.getTable().getQualifiedName());
      List<String> fields = new ArrayList<>();
      scan.getRowType().getFieldNames().forEach(n -> fields.add(table + "." + n));
      Set<String> tables = new TreeSet<>();
      tables.add(table);
      return new Shape(fields, tables, new TreeSet<>());
    }
    if (rel instanceof Filter f) {
      Shape in = shape(f.getInput(), sameAsInner);
      return in == null ? null : filtered(in, f.getCondition());
    }
    if (rel instanceof Project p) {
      Shape in = shape(p.getInput(), sameAsInner);
      if (in == null) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      for (RexNode e : p.getProjects()) {
        String s = render(e, in.fields());
        if (s == null) {
          return null;
        }
        fields.add(s);
      }
      return new Shape(fields, in.tables(), in.predicates());
    }
    if (rel instanceof Calc c) {
      Shape in = shape(c.getInput(), sameAsInner);
      if (in == null) {
        return null;
      }
      RexProgram program = c.getProgram();
      if (program.getCondition() != null) {
        in = filtered(in, program.expandLocalRef(program.getCondition()));
        if (in == null) {
          return null;
        }
      }
      List<String> fields = new ArrayList<>();
      for (var ref : program.getProjectList()) {
        String s = render(program.expandLocalRef(ref), in.fields());
        if (s == null) {
          return null;
        }
        fields.add(s);
      }
      return new Shape(fields, in.tables(), in.predicates());
    }
    if (rel instanceof Join j && (j.getJoinType() == JoinRelType.INNER
        || j.getJoinType() == JoinRelType.SEMI && sameAsInner.test(j))) {
      Shape l = shape(j.getLeft(), sameAsInner);
      Shape r = shape(j.getRight(), sameAsInner);
      if (l == null || r == null) {
        return null;
      }
      Set<String> tables = new TreeSet<>(l.tables());
      for (String t : r.tables()) {
        if (!tables.add(t)) {
          return null;
        }
      }
      List<String> fields = new ArrayList<>(l.fields());
      fields.addAll(r.fields());
      Set<String> predicates = new TreeSet<>(l.predicates());
      predicates.addAll(r.predicates());
      Shape joined = new Shape(fields, tables, predicates);
      return filtered(joined, j.getCondition());
    }
    return null;
  }

  private static @Nullable Shape filtered(Shape in, RexNode condition) {
    Set<String> predicates = new TreeSet<>(in.predicates());
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      if (c.isAlwaysTrue()) {
        continue;
      }
      String s = render(c, in.fields());
      if (s == null) {
        return null;
      }
      predicates.add(s);
    }
    return new Shape(in.fields(), in.tables(), predicates);
  }

  /** {@code e} over base columns; null if it references something else. */
  static @Nullable String render(RexNode e, List<String> fields) {
    if (e instanceof RexInputRef ref) {
      return ref.getIndex() < fields.size() ? fields.get(ref.getIndex()) : null;
    }
    if (e instanceof RexLiteral lit) {
      return lit.toString();
    }
    if (e instanceof RexCall call) {
      List<String> operands = new ArrayList<>();
      for (RexNode o : call.getOperands()) {
        String s = render(o, fields);
        if (s == null) {
          return null;
        }
        operands.add(s);
      }
      if (SYMMETRIC.contains(call.getKind())) {
        operands.sort(null);
      }
      return call.getOperator().getName() + "(" + String.join(", ", operands) + ")";
    }
    return null; // correlation variables, dynamic parameters, sub-queries
  }

  private static final Set<SqlKind> SYMMETRIC = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
      SqlKind.AND, SqlKind.OR, SqlKind.PLUS, SqlKind.TIMES, SqlKind.IS_NOT_DISTINCT_FROM);
}
