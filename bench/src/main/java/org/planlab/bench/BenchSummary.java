package org.planlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Summarises a JMH JSON result of {@link TpchPlanningBenchmark}: per
 * configuration, the total over queries of the mean optimization time, the
 * median query, and the ratio of totals against {@code calcite-default}
 * when it was measured in the same run.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.planlab.bench.BenchSummary jmh.json}
 */
public final class BenchSummary {
  private BenchSummary() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchSummary JMH-RESULT.json");
      System.exit(2);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
    } catch (IOException e) {
      System.err.println("BenchSummary: " + args[0] + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    Map<String, List<Double>> byConfig = new TreeMap<>();
    for (JsonNode run : root) {
      String config = run.path("params").path("config").asText();
      byConfig.computeIfAbsent(config, k -> new ArrayList<>())
          .add(run.path("primaryMetric").path("score").asDouble());
    }
    Double base = byConfig.containsKey("calcite-default")
        ? byConfig.get("calcite-default").stream().mapToDouble(Double::doubleValue).sum() : null;
    System.out.printf(Locale.ROOT, "| configuration | queries | total ms | median ms | total vs "
        + "calcite-default |%n|---|---|---|---|---|%n");
    for (Map.Entry<String, List<Double>> e : byConfig.entrySet()) {
      double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double total = 0;
      for (double x : v) {
        total += x;
      }
      double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %s |%n", e.getKey(), v.length,
          total, median, base == null ? "-" : String.format(Locale.ROOT, "%.3g", total / base));
    }
  }
}
