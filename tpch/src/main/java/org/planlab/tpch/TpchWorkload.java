package org.planlab.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;

/** TPC-H: 8 tables, 22 queries, statistics at any scale factor. */
public final class TpchWorkload implements Workload {
  public static final String NAME = "tpch";
  private static final int QUERY_COUNT = 22;

  private final List<WorkloadQuery> queries = loadQueries();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "TPC-H decision support: 8 tables, 22 queries (spec 3.0.1, validation parameters)";
  }

  @Override
  public List<WorkloadQuery> queries() {
    return queries;
  }

  @Override
  public StatisticsSchema schema(double scaleFactor) {
    return new StatisticsSchema(NAME, TpchSchema.tables(scaleFactor));
  }

  private static final TpchData DATA = new TpchData();

  @Override
  public java.util.Optional<org.planlab.planner.workload.DataGenerator> data() {
    return java.util.Optional.of(DATA);
  }

  private static List<WorkloadQuery> loadQueries() {
    List<WorkloadQuery> list = new ArrayList<>();
    for (int i = 1; i <= QUERY_COUNT; i++) {
      String file = String.format(Locale.ROOT, "q%02d.sql", i);
      try (InputStream in = TpchWorkload.class.getResourceAsStream("queries/" + file)) {
        if (in == null) {
          throw new IllegalStateException("missing resource for TPC-H query " + file);
        }
        list.add(new WorkloadQuery("q" + i, NAME + "/" + file,
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(list);
  }
}
