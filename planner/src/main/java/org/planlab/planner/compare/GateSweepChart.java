package org.planlab.planner.compare;

import java.util.List;
import java.util.Locale;

import org.planlab.planner.plan.PlanText;

/**
 * The gate-regret curve as a self-contained HTML page with an SVG chart:
 * threshold (log scale) across, total optimization time and geometric-mean
 * cost ratio against always running phase 2 up the two sides. No script, no
 * external file: it opens in any browser and prints as it shows.
 */
public final class GateSweepChart {
  private GateSweepChart() {
  }

  private static final int W = 760;
  private static final int H = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 70;
  private static final int TOP = 30;
  private static final int BOTTOM = 60;

  public static String html(GateSweep sweep, String title) {
    List<GateSweep.Point> pts = sweep.points();
    double minLog = Double.POSITIVE_INFINITY;
    double maxLog = Double.NEGATIVE_INFINITY;
    for (GateSweep.Point p : pts) {
      if (p.threshold() > 0 && Double.isFinite(p.threshold())) {
        minLog = Math.min(minLog, Math.log10(p.threshold()));
        maxLog = Math.max(maxLog, Math.log10(p.threshold()));
      }
    }
    if (!Double.isFinite(minLog)) {
      minLog = 0;
      maxLog = 1;
    }
    // Threshold 0 sits one decade left of the smallest, infinity one decade right.
    double lo = Math.floor(minLog) - 1;
    double hi = Math.ceil(maxLog) + 1;
    double maxMs = pts.stream().mapToDouble(GateSweep.Point::totalOptimizeMs).max().orElse(1);
    double maxRatio = Math.max(1.0, pts.stream().mapToDouble(GateSweep.Point::geomeanCostRatio)
        .max().orElse(1));
    StringBuilder time = new StringBuilder();
    StringBuilder regret = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    double prevX = Double.NaN;
    double prevTy = 0;
    double prevRy = 0;
    for (GateSweep.Point p : pts) {
      double lx = p.threshold() == 0 ? lo : Double.isInfinite(p.threshold()) ? hi
          : Math.log10(p.threshold());
      double x = LEFT + (lx - lo) / (hi - lo) * (W - LEFT - RIGHT);
      double ty = TOP + (1 - p.totalOptimizeMs() / maxMs) * (H - TOP - BOTTOM);
      double ry = TOP + (1 - (p.geomeanCostRatio() - 1) / Math.max(1e-9, maxRatio - 1))
          * (H - TOP - BOTTOM);
      if (maxRatio == 1.0) {
        ry = H - BOTTOM;
      }
      if (!Double.isNaN(prevX)) {
        // A step: the value holds until the next threshold.
        time.append(String.format(Locale.ROOT, " %.1f,%.1f", x, prevTy));
        regret.append(String.format(Locale.ROOT, " %.1f,%.1f", x, prevRy));
      }
      time.append(String.format(Locale.ROOT, " %.1f,%.1f", x, ty));
      regret.append(String.format(Locale.ROOT, " %.1f,%.1f", x, ry));
      dots.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>threshold %s: "
              + "%d with phase 2, %.1f ms, regret %.4f</title></circle>%n",
          x, ty, label(p.threshold()), p.phase2Queries(), p.totalOptimizeMs(),
          p.geomeanCostRatio()));
      prevX = x;
      prevTy = ty;
      prevRy = ry;
    }
    StringBuilder axis = new StringBuilder();
    for (int d = (int) lo; d <= (int) hi; d++) {
      double x = LEFT + (d - lo) / (hi - lo) * (W - LEFT - RIGHT);
      String text = d == (int) lo ? "0" : d == (int) hi ? "∞" : "1e" + d;
      axis.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>"
              + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>%n",
          x, TOP, x, H - BOTTOM, x, H - BOTTOM + 16, text));
    }
    StringBuilder rows = new StringBuilder();
    for (GateSweep.Point p : pts) {
      rows.append(String.format(Locale.ROOT,
          "<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.2f</td><td>%.4f</td><td>%.4f</td></tr>%n",
          label(p.threshold()), p.phase2Queries(), p.totalOptimizeMs(), p.medianOptimizeMs(),
          p.geomeanCostRatio(), p.maxCostRatio()));
    }
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
        <style>body{font-family:sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}
        .k1{color:#0072B2}.k2{color:#D55E00}</style></head><body>
        <h1>%1$s</h1>
        <p>Configuration <b>%2$s</b>. Across: the gate's cost threshold (log scale; 0 always
        runs phase 2, &infin; never). <span class="k1">Blue, left axis: total optimization time
        (ms).</span> <span class="k2">Orange, right axis: geometric mean of cost / cost with
        phase 2 always run (the regret; 1 is none).</span></p>
        <svg xmlns="http://www.w3.org/2000/svg" width="%3$d" height="%4$d" role="img">
        %5$s
        <polyline fill="none" stroke="#0072B2" stroke-width="2" points="%6$s"/>
        <polyline fill="none" stroke="#D55E00" stroke-width="2" stroke-dasharray="6 3" points="%7$s"/>
        %8$s
        <text x="%9$d" y="%10$d" font-size="11" fill="#0072B2">%11$s ms</text>
        <text x="%12$d" y="%10$d" font-size="11" fill="#D55E00" text-anchor="end">%13$s</text>
        <text x="%14$d" y="%15$d" font-size="12" text-anchor="middle">gate threshold (cost)</text>
        </svg>
        <table><tr><th>threshold</th><th>queries with phase 2</th><th>total ms</th>
        <th>median ms</th><th>geomean cost ratio</th><th>max cost ratio</th></tr>
        %16$s</table></body></html>
        """.formatted(escape(title), escape(sweep.config()), W, H, axis, time, regret, dots,
        5, TOP - 8, PlanText.number(maxMs), W - 5, String.format(Locale.ROOT, "%.3g", maxRatio),
        (LEFT + W - RIGHT) / 2, H - 20, rows);
  }

  private static String label(double t) {
    return Double.isInfinite(t) ? "∞" : PlanText.number(t);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
