package org.planlab.planner.compare;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.parallel.ParallelCosting;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.SuiteResult;

/**
 * What each degree of parallelism buys, query by query: from runs of one
 * suite and configuration at several degrees, each query's serial cost, its
 * cost and estimated speedup at every degree, and where its plan is
 * parallel ({@link ParallelShape}). The speedup is the serial cost over the
 * parallel one; it cannot exceed the degree's parallel divisor, since only
 * CPU costs divide.
 *
 * @param runs one run per degree, in the order given
 * @param rows one per query of the first run
 */
public record DopSweep(List<SuiteResult> runs, List<Row> rows) {

  /** One query at one degree. */
  public record Cell(int dop, @Nullable Double cost, @Nullable Double speedup, boolean parallel,
      String shape) {
  }

  /** One query at every degree. */
  public record Row(String query, @Nullable Double serialCost, List<Cell> cells) {
  }

  public static DopSweep of(List<SuiteResult> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one run");
    }
    List<Row> rows = new ArrayList<>();
    for (QueryResult q : runs.get(0).queries()) {
      Double serial = q.serialCost() == null ? null : q.serialCost().value();
      List<Cell> cells = new ArrayList<>();
      for (SuiteResult run : runs) {
        QueryResult r = run.queries().stream().filter(x -> x.id().equals(q.id())).findFirst()
            .orElse(null);
        if (r == null || r.cost() == null) {
          cells.add(new Cell(run.dop(), null, null, false, "-"));
          continue;
        }
        double cost = r.cost().value();
        Double base = r.serialCost() == null ? serial : r.serialCost().value();
        cells.add(new Cell(run.dop(), cost, base == null || cost == 0 ? null : base / cost,
            r.parallel() != null && r.parallel().parallel(),
            r.plan() == null ? "-" : ParallelShape.describe(r.plan())));
      }
      rows.add(new Row(q.id(), serial, cells));
    }
    return new DopSweep(List.copyOf(runs), rows);
  }

  /** Queries with a parallel plan at the {@code i}-th degree. */
  public long parallelQueries(int i) {
    return rows.stream().filter(r -> r.cells().get(i).parallel()).count();
  }

  /** Geometric mean of the speedups at the {@code i}-th degree. */
  public double geomeanSpeedup(int i) {
    return Comparison.geomean(rows.stream().map(r -> r.cells().get(i).speedup()).toList());
  }

  /**
   * One CSV row per query and degree: {@code query, dop, divisor,
   * serial_cost, cost, speedup, parallel, shape}, costs in the runs' model's
   * units.
   */
  public void writeCsv(Writer w) throws IOException {
    w.write("query,dop,divisor,serial_cost,cost,speedup,parallel,shape\n");
    for (Row r : rows) {
      for (Cell c : r.cells()) {
        w.write(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%b,\"%s\"%n", r.query(), c.dop(),
            num(ParallelCosting.divisorOfDegree(c.dop())), num(r.serialCost()), num(c.cost()),
            num(c.speedup()), c.parallel(), c.shape().replace("\"", "\"\"")));
      }
    }
  }

  private static String num(@Nullable Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
