package org.planlab.planner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Takes {@link PlanSnapshot}s of Calcite plans. */
public final class PlanSnapshots {
  private PlanSnapshots() {
  }

  /** A snapshot of {@code rel}, with estimates from {@code mq}. */
  public static PlanSnapshot of(RelNode rel, RelMetadataQuery mq) {
    return of(rel, mq, r -> null);
  }

  /** A snapshot of {@code rel}, each operator with what {@code origins} says made it. */
  public static PlanSnapshot of(RelNode rel, RelMetadataQuery mq,
      Function<RelNode, @Nullable Origin> origins) {
    int[] nextId = {0};
    return new PlanSnapshot(node(rel, mq, nextId, origins));
  }

  private static PlanNode node(RelNode rel, RelMetadataQuery mq, int[] nextId,
      Function<RelNode, @Nullable Origin> origins) {
    int id = nextId[0]++;
    List<PlanNode> inputs = new ArrayList<>();
    for (RelNode input : rel.getInputs()) {
      inputs.add(node(input, mq, nextId, origins));
    }
    Double rows = mq.getRowCount(rel);
    Cost self = Cost.of(mq.getNonCumulativeCost(rel));
    Cost cumulative = Cost.of(mq.getCumulativeCost(rel));
    return new PlanNode(id, rel.getRelTypeName(), details(rel), rows == null ? Double.NaN : rows,
        self == null ? Cost.ZERO : self, cumulative == null ? Cost.ZERO : cumulative, inputs,
        org.planlab.planner.cost.Degree.of(rel, mq), origins.apply(rel));
  }

  /** The attributes {@code rel} explains, without its inputs. */
  public static Map<String, String> details(RelNode rel) {
    DetailsWriter w = new DetailsWriter();
    rel.explain(w);
    return w.details;
  }

  /** Captures one node's explain terms instead of printing a whole tree. */
  private static final class DetailsWriter extends RelWriterImpl {
    final Map<String, String> details = new LinkedHashMap<>();

    DetailsWriter() {
      super(new java.io.PrintWriter(java.io.Writer.nullWriter()), SqlExplainLevel.EXPPLAN_ATTRIBUTES,
          false);
    }

    @Override
    protected void explain_(RelNode rel, List<Pair<String, @Nullable Object>> values) {
      for (Pair<String, @Nullable Object> v : values) {
        if (v.right instanceof RelNode) {
          continue;
        }
        details.put(v.left, String.valueOf(v.right));
      }
    }
  }
}
