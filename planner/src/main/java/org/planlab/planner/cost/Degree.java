package org.planlab.planner.cost;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.planlab.planner.parallel.ParallelCosting;

/**
 * The degree of parallelism of an operator, from Calcite's
 * {@code Parallelism} metadata, which planlab answers: the processes that
 * share its input rows, 1 where it runs serially.
 */
public final class Degree {
  private Degree() {
  }

  public static int of(RelNode rel, RelMetadataQuery mq) {
    Integer split = mq.splitCount(rel);
    return split == null || split < 1 ? 1 : split;
  }

  /** The parallel divisor of {@code rel}'s degree: its per-process rows times this are all rows. */
  public static double divisor(RelNode rel, RelMetadataQuery mq) {
    return ParallelCosting.divisorOfDegree(of(rel, mq));
  }
}
