package org.planlab.planner.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The arithmetic of estimation error (Leis et al., "How Good Are Query
 * Optimizers, Really?", VLDB 2015): q-errors, their median and percentiles,
 * and Spearman's rank correlation between estimated cost and runtime.
 */
public final class EstimationError {
  private EstimationError() {
  }

  /**
   * max(e/a, a/e) with both counts at least 1, so that an empty result
   * estimated at 1 row is exact and one estimated at 1,000 is off 1,000×.
   */
  public static double qError(double estimated, double actual) {
    if (Double.isNaN(estimated) || Double.isNaN(actual)) {
      return Double.NaN;
    }
    double e = Math.max(1, estimated);
    double a = Math.max(1, actual);
    return Math.max(e / a, a / e);
  }

  /** The median; NaN for no values. */
  public static double median(Collection<Double> values) {
    return percentile(values, 50);
  }

  /**
   * The {@code p}-th percentile (0 to 100), interpolated between the two
   * nearest ranks as numpy's and R's defaults do; NaN for no values.
   */
  public static double percentile(Collection<Double> values, double p) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d))
        .sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double rank = p / 100 * (v.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
  }

  /**
   * Spearman's rank correlation of {@code x} and {@code y}: Pearson's
   * correlation of their ranks, ties given their mean rank. NaN for fewer
   * than two pairs or where either side is constant.
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " values against " + y.length);
    }
    if (x.length < 2) {
      return Double.NaN;
    }
    return pearson(ranks(x), ranks(y));
  }

  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = mean;
      }
      i = j + 1;
    }
    return r;
  }

  static double pearson(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** The values, NaN left out. */
  static List<Double> finite(Collection<Double> values) {
    List<Double> out = new ArrayList<>();
    values.forEach(v -> {
      if (!Double.isNaN(v)) {
        out.add(v);
      }
    });
    return out;
  }
}
