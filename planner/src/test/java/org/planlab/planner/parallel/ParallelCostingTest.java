package org.planlab.planner.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** PostgreSQL's parallel formulas, as {@link ParallelCosting} computes them. */
class ParallelCostingTest {
  private static final ParallelCosts PG = new ParallelCosts(1000, 0.1, 0.0025, 1024);

  @Example
  void theDivisorCountsTheLeaderAsPostgresDoes() {
    assertThat(ParallelCosting.divisor(0)).isEqualTo(1.0);
    assertThat(ParallelCosting.divisor(1)).isCloseTo(1.7, within(1e-12));
    assertThat(ParallelCosting.divisor(2)).isCloseTo(2.4, within(1e-12));
    assertThat(ParallelCosting.divisor(3)).isCloseTo(3.1, within(1e-12));
    assertThat(ParallelCosting.divisor(4)).isEqualTo(4.0);
    assertThat(ParallelCosting.divisorOfDegree(1)).isEqualTo(1.0);
    assertThat(ParallelCosting.divisorOfDegree(3)).isCloseTo(2.4, within(1e-12));
    assertThatThrownBy(() -> ParallelCosting.divisor(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Each worker adds a whole process; the leader adds what serving them leaves it. */
  @Property
  void theDivisorLiesBetweenTheWorkersAndTheProcesses(@ForAll @IntRange(max = 1000) int workers) {
    double d = ParallelCosting.divisor(workers);
    assertThat(d).isBetween((double) workers, workers + 1.0);
    assertThat(d).isEqualTo(workers + Math.max(0, 1 - 0.3 * workers));
    assertThat(ParallelCosting.divisor(workers + 1)).isGreaterThan(d);
  }

  @Property
  void gatherCostsTheSetupAndATransferPerRow(@ForAll @DoubleRange(max = 1e12) double rows,
      @ForAll @DoubleRange(max = 1e4) double setup, @ForAll @DoubleRange(max = 10) double tuple) {
    ParallelCosts c = new ParallelCosts(setup, tuple, 0.0025, 1024);
    assertThat(ParallelCosting.gather(c, rows)).isEqualTo(setup + tuple * rows);
  }

  /**
   * PostgreSQL's cost_gather_merge for 1000 rows from 2 workers and the
   * leader, by hand: N = 3, log2 N = 1.5849625, a comparison costs 0.005.
   * Heap build 0.005 × 3 × 1.5849625 = 0.0237744; per row 1000 × 0.005 ×
   * 1.5849625 = 7.9248125 plus 1000 × 0.0025 = 2.5; setup 1000; transfer
   * 1000 × 0.1 × 1.05 = 105. Total 1115.4485869.
   */
  @Example
  void gatherMergeMatchesPostgresByHand() {
    assertThat(ParallelCosting.gatherMerge(PG, 1000, 2)).isCloseTo(1115.4485869, within(1e-6));
  }

  /** Merging costs more than gathering: the heap, and 5 % more per transferred row. */
  @Property
  void gatherMergeCostsMoreThanGatherAndGrowsWithTheWorkers(
      @ForAll @DoubleRange(min = 1, max = 1e10) double rows,
      @ForAll @IntRange(min = 1, max = 63) int workers) {
    double gather = ParallelCosting.gather(PG, rows);
    double merge = ParallelCosting.gatherMerge(PG, rows, workers);
    assertThat(merge).isGreaterThan(gather + PG.operator() * rows);
    assertThat(ParallelCosting.gatherMerge(PG, rows, workers + 1)).isGreaterThan(merge);
  }

  @Property
  void anExchangeHashesAndTransfersEachRow(@ForAll @DoubleRange(max = 1e12) double rows) {
    assertThat(ParallelCosting.exchange(PG, rows)).isEqualTo((0.1 + 0.0025) * rows);
  }

  /** compute_parallel_worker: from 8 MB one worker, one more each time the table triples. */
  @Example
  void scansGetWorkersByTableSize() {
    assertThat(ParallelCosting.workersForScan(1023, 1024, 8)).isZero();
    assertThat(ParallelCosting.workersForScan(1024, 1024, 8)).isEqualTo(1);
    assertThat(ParallelCosting.workersForScan(3071, 1024, 8)).isEqualTo(1);
    assertThat(ParallelCosting.workersForScan(3072, 1024, 8)).isEqualTo(2);
    assertThat(ParallelCosting.workersForScan(9216, 1024, 8)).isEqualTo(3);
    assertThat(ParallelCosting.workersForScan(1e9, 1024, 8)).isEqualTo(8);
    assertThat(ParallelCosting.workersForScan(1e9, 1024, 0)).isZero();
  }

  @Property
  void workersNeverExceedTheLimitAndGrowWithTheTable(
      @ForAll @DoubleRange(max = 1e12) double pages, @ForAll @IntRange(max = 64) int max) {
    int w = ParallelCosting.workersForScan(pages, 1024, max);
    assertThat(w).isBetween(0, max);
    assertThat(ParallelCosting.workersForScan(pages * 3, 1024, max)).isGreaterThanOrEqualTo(w);
  }
}
