package org.planlab.tpcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.planlab.planner.stats.StatisticsSchema;
import org.planlab.planner.workload.Workload;
import org.planlab.planner.workload.WorkloadQuery;

/**
 * TPC-DS: 24 tables and 99 queries (103 statements), statistics at any
 * scale factor. The queries are the checked-in renderings of
 * {@link TpcdsQueries}, with {@link CalciteDialect}'s edits applied on load.
 */
public final class TpcdsWorkload implements Workload {
  public static final String NAME = "tpcds";

  private final List<WorkloadQuery> queries = loadQueries();

  @Override
  public String name() {
    return NAME;
  }

  private static final TpcdsData DATA = new TpcdsData();

  @Override
  public java.util.Optional<org.planlab.planner.workload.DataGenerator> data() {
    return java.util.Optional.of(DATA);
  }

  @Override
  public String description() {
    return "TPC-DS decision support: 24 tables, 99 queries as 103 statements "
        + "(qualification parameters)";
  }

  @Override
  public List<WorkloadQuery> queries() {
    return queries;
  }

  @Override
  public StatisticsSchema schema(double scaleFactor) {
    return new StatisticsSchema(NAME, TpcdsSchema.tables(scaleFactor));
  }

  /** The checked-in text of a query file, as the specification reads. */
  static String specText(String file) {
    try (InputStream in = TpcdsWorkload.class.getResourceAsStream("queries/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource for TPC-DS query " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<WorkloadQuery> loadQueries() {
    List<WorkloadQuery> list = new ArrayList<>();
    for (int n = 1; n <= 99; n++) {
      for (String part : TpcdsQueries.parts(n)) {
        String file = TpcdsQueries.fileName(n, part);
        list.add(new WorkloadQuery(TpcdsQueries.id(n, part), NAME + "/" + file,
            CalciteDialect.fix(specText(file))));
      }
    }
    return List.copyOf(list);
  }
}
