package org.planlab.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.apache.calcite.plan.Contexts;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planlab.planner.optimize.Optimizers;
import org.planlab.planner.phased.PlanShape;
import org.planlab.planner.session.PlanningSession;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * planlab's join estimates on TPC-H statistics: a semi join returns the rows
 * the inner join returns where the right side is unique on its keys, so join
 * orders may trade one for the other; an anti join keeps the other rows.
 */
class JoinEstimatesTest {
  private RelBuilder b;
  private RelMetadataQuery mq;

  @BeforeEach
  void builder() {
    PlanningSession s = new PlanningSession(new TpchWorkload().schema(1),
        Optimizers.byName("cheap-only"), Duration.ofSeconds(60));
    RelNode logical = s.prepare(new WorkloadQuery("t", "t.sql", "SELECT * FROM nation"))
        .logical();
    TableScan scan = (TableScan) find(logical);
    b = RelBuilder.proto(Contexts.empty()).create(scan.getCluster(),
        scan.getTable().getRelOptSchema());
    mq = scan.getCluster().getMetadataQuery();
  }

  private static RelNode find(RelNode rel) {
    return rel instanceof TableScan ? rel : find(rel.getInput(0));
  }

  /** nation joined to region, filtered to r_regionkey < 1 (one region in five). */
  private RelNode nationToOneRegion(JoinRelType type) {
    return b.scan("tpch", "nation")
        .scan("tpch", "region")
        .filter(b.call(SqlStdOperatorTable.LESS_THAN, b.field("r_regionkey"), b.literal(1)))
        .join(type, b.equals(b.field(2, 0, "n_regionkey"), b.field(2, 1, "r_regionkey")))
        .build();
  }

  @Test
  void aSemiJoinOnAUniqueRightSideReturnsTheInnerJoinsRows() {
    RelNode inner = nationToOneRegion(JoinRelType.INNER);
    double innerRows = mq.getRowCount(inner);
    double regions = mq.getRowCount(inner.getInput(1));
    double semi = mq.getRowCount(nationToOneRegion(JoinRelType.SEMI));
    // Five nations per region.
    assertThat(innerRows).isCloseTo(regions * 5, within(1e-9));
    assertThat(semi).isCloseTo(innerRows, within(1e-9 * innerRows));
  }

  @Test
  void anAntiJoinKeepsTheOtherRows() {
    double semi = mq.getRowCount(nationToOneRegion(JoinRelType.SEMI));
    double anti = mq.getRowCount(nationToOneRegion(JoinRelType.ANTI));
    assertThat(semi + anti).isCloseTo(25, within(1e-9));
  }

  @Test
  void aSemiJoinOnADuplicatedRightSideKeepsEachLeftRowOnce() {
    // Every nation has suppliers: the inner join has 10,000 rows, the semi join 25.
    RelNode semi = b.scan("tpch", "nation").scan("tpch", "supplier")
        .join(JoinRelType.SEMI, b.equals(b.field(2, 0, "n_nationkey"),
            b.field(2, 1, "s_nationkey")))
        .build();
    assertThat(mq.getRowCount(semi)).isCloseTo(25, within(1e-9));
  }

  @Test
  void distinctCountsPassThroughASemiJoinThinnedByItsRows() {
    RelNode semi = nationToOneRegion(JoinRelType.SEMI);
    double rows = mq.getRowCount(semi);
    Double ndv = mq.getDistinctRowCount(semi, ImmutableBitSet.of(0), null);
    assertThat(ndv).isNotNull();
    assertThat(ndv).isLessThanOrEqualTo(rows).isGreaterThan(rows / 2);
  }

  @Test
  void planShapeTellsSemiJoinsOfSeveralInputsFromOthers() {
    // A semi join onto one input, and an inner join: neither.
    assertThat(PlanShape.hasMultiInputSemiJoin(nationToOneRegion(JoinRelType.SEMI))).isFalse();
    assertThat(PlanShape.hasMultiInputSemiJoin(nationToOneRegion(JoinRelType.INNER))).isFalse();
    // nation semi-joined to (supplier joined to region's nations): yes.
    RelNode multi = b.scan("tpch", "nation")
        .scan("tpch", "supplier").scan("tpch", "nation")
        .join(JoinRelType.INNER, b.equals(b.field(2, 0, "s_nationkey"),
            b.field(2, 1, "n_nationkey")))
        .join(JoinRelType.SEMI, b.equals(b.field(2, 0, "n_nationkey"),
            b.field(2, 1, "s_nationkey")))
        .build();
    assertThat(PlanShape.hasMultiInputSemiJoin(multi)).isTrue();
  }
}
