package org.planlab.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelDistributionTraitDef;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMdDistribution;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCallBinding;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.validate.SqlMonotonicity;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The orders a projection's rows come in, given its input's. Field
 * references carry the input's collations over as Calcite's
 * {@code RelMdCollation.project} does. Expressions differ in three ways,
 * each a claim of Calcite's that does not hold:
 * <ul>
 * <li>A call monotonic in a field (a {@code CAST}, {@code +}, {@code FLOOR})
 *     orders the rows only where that field is the leading key of one of the
 *     input's collations. Calcite takes any key, so over rows sorted by
 *     {@code (a, b)} it finds {@code CAST(b AS ...)} sorted, and drops an
 *     {@code ORDER BY} on it.</li>
 * <li>Each such call is a collation of its own. Calcite makes one collation
 *     of them all, but the first may have ties that the second does not
 *     order.</li>
 * <li>A nullable call claims its input key's NULL placement, and only where
 *     it is a {@code CAST} of that key (a NULL stays NULL, where it was).
 *     Calcite claims the default placement.</li>
 * </ul>
 * Over sorted rows, a wrong claim lets the planner drop a Sort that was
 * needed, or merge inputs that are not in order, which returns wrong rows.
 */
public final class ProjectionCollations {
  private ProjectionCollations() {
  }

  /** The collations of {@code projects} over {@code input}'s rows. */
  public static List<RelCollation> of(RelMetadataQuery mq, RelNode input,
      List<? extends RexNode> projects) {
    List<RelCollation> inputCollations = mq.collations(input);
    if (inputCollations == null || inputCollations.isEmpty()) {
      return List.of();
    }
    TreeSet<RelCollation> out = new TreeSet<>();
    Map<Integer, List<Integer>> references = new HashMap<>();
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref) {
        references.computeIfAbsent(ref.getIndex(), k -> new ArrayList<>()).add(i);
      }
    }
    List<RelCollation> leading = new ArrayList<>();
    for (RelCollation c : inputCollations) {
      if (!c.getFieldCollations().isEmpty()) {
        out.addAll(throughReferences(c, references));
        leading.add(RelCollations.of(c.getFieldCollations().get(0)));
      }
    }
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexCall call) {
        RelFieldCollation f = monotonic(i, call, input, leading);
        if (f != null) {
          out.add(RelCollations.of(f));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code c} over the output, once for each way of picking an output field
   * that references each of its keys; none where some key is not projected.
   */
  private static List<RelCollation> throughReferences(RelCollation c,
      Map<Integer, List<Integer>> references) {
    List<List<RelFieldCollation>> partial = List.of(List.of());
    for (RelFieldCollation key : c.getFieldCollations()) {
      List<Integer> at = references.get(key.getFieldIndex());
      if (at == null) {
        return List.of();
      }
      List<List<RelFieldCollation>> longer = new ArrayList<>();
      for (List<RelFieldCollation> keys : partial) {
        for (int position : at) {
          List<RelFieldCollation> k = new ArrayList<>(keys);
          k.add(key.withFieldIndex(position));
          longer.add(k);
        }
      }
      partial = longer;
    }
    List<RelCollation> out = new ArrayList<>(partial.size());
    for (List<RelFieldCollation> keys : partial) {
      out.add(RelCollations.of(keys));
    }
    return out;
  }

  /**
   * The order output field {@code i}, computed by {@code call}, is in where
   * the call is monotonic in the leading keys of the input's collations; null
   * where it is not, or where its NULLs' place is not known.
   */
  private static @Nullable RelFieldCollation monotonic(int i, RexCall call, RelNode input,
      List<RelCollation> leading) {
    SqlMonotonicity m = call.getOperator().getMonotonicity(
        RexCallBinding.create(input.getCluster().getTypeFactory(), call, leading));
    if (m == SqlMonotonicity.NOT_MONOTONIC || m == SqlMonotonicity.CONSTANT) {
      return null;
    }
    RelFieldCollation.Direction direction = RelFieldCollation.Direction.of(m);
    if (!call.getType().isNullable()) {
      return new RelFieldCollation(i, direction);
    }
    if (call.isA(SqlKind.CAST) && call.getOperands().get(0) instanceof RexInputRef ref) {
      for (RelCollation c : leading) {
        RelFieldCollation key = c.getFieldCollations().get(0);
        if (key.getFieldIndex() == ref.getIndex() && key.direction == direction) {
          return new RelFieldCollation(i, direction, key.nullDirection);
        }
      }
    }
    return null;
  }

  /**
   * An Enumerable Project of {@code projects} over {@code input}, claiming
   * the collations {@link #of} derives. It is made once with its traits, as
   * Calcite's {@code EnumerableProject.create} makes it with Calcite's.
   */
  public static EnumerableProject project(RelNode input, List<? extends RexNode> projects,
      RelDataType rowType) {
    RelOptCluster cluster = input.getCluster();
    RelMetadataQuery mq = cluster.getMetadataQuery();
    RelTraitSet traits = cluster.traitSet().replace(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> of(mq, input, projects));
    return new EnumerableProject(cluster, traits, input, projects, rowType);
  }

  /**
   * An Enumerable Calc of {@code program} over {@code input}, claiming the
   * collations {@link #of} derives.
   */
  public static EnumerableCalc calc(RelNode input, RexProgram program) {
    return calc(input, program, List.of());
  }

  /**
   * An Enumerable Calc of {@code program} over {@code input}, claiming the
   * collations {@link #of} derives and also {@code known}, orders its rows
   * are known to have otherwise (the operators it replaces claimed them).
   * Its distribution is Calcite's, as {@code EnumerableCalc.create} derives it.
   */
  public static EnumerableCalc calc(RelNode input, RexProgram program, List<RelCollation> known) {
    RelOptCluster cluster = input.getCluster();
    RelMetadataQuery mq = cluster.getMetadataQuery();
    RelTraitSet traits = cluster.traitSet().replace(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> {
          List<RelCollation> claims = new ArrayList<>(of(mq, input, projects(program)));
          for (RelCollation c : known) {
            if (!c.getFieldCollations().isEmpty() && !claims.contains(c)) {
              claims.add(c);
            }
          }
          return claims;
        })
        .replaceIf(RelDistributionTraitDef.INSTANCE,
            () -> RelMdDistribution.calc(mq, input, program));
    return new EnumerableCalc(cluster, traits, input, program);
  }

  /** The output expressions of {@code program}, over its input's fields. */
  public static List<RexNode> projects(RexProgram program) {
    List<RexNode> out = new ArrayList<>(program.getProjectList().size());
    program.getProjectList().forEach(r -> out.add(program.expandLocalRef(r)));
    return out;
  }
}
