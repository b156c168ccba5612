package org.planlab.tpcds;

import java.util.List;
import java.util.function.Consumer;

import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;

import org.planlab.planner.workload.DataGenerator;

/**
 * TPC-DS data from {@code io.trino.tpcds}'s generator (dsdgen's rules), in
 * one chunk, values as the generator prints them (NULL as null), in the
 * generator's column order, which is the schema's. TPC-DS ships no answers.
 */
final class TpcdsData implements DataGenerator {

  @Override
  public long rowCount(String table, double scaleFactor) {
    return (long) Math.ceil(TpcdsStatistics.rows(table, scaleFactor));
  }

  @Override
  public void generate(String table, double scaleFactor, Consumer<Object[]> rows) {
    Table t = Table.getTable(table);
    Session s = Session.getDefaultSession().withScale(scaleFactor).withTable(t);
    for (List<List<String>> group : Results.constructResults(t, s)) {
      // A group is one row of this table (a parent table's child rows come separately).
      rows.accept(group.get(0).toArray());
    }
  }
}
