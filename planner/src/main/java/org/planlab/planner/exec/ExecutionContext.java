package org.planlab.planner.exec;

import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What an executing plan sees: a root schema holding the data under the
 * workload's schema name, the values the compiled plan stashed, the cancel
 * flag, the row counters of an instrumented plan, and a fixed clock (1998-12-01,
 * after TPC-H's last dates), so that runs repeat exactly.
 */
final class ExecutionContext implements DataContext {
  private static final long FIXED_NOW = 912_470_400_000L; // 1998-12-01T00:00Z

  private final SchemaPlus root;
  private final JavaTypeFactory typeFactory =
      new JavaTypeFactoryImpl(org.planlab.planner.session.PlanlabTypeSystem.INSTANCE);
  private final Map<String, Object> values = new HashMap<>();

  ExecutionContext(Dataset data, Map<String, Object> stashed, AtomicBoolean cancel,
      @Nullable RowCounters counters) {
    this.root = CalciteSchema.createRootSchema(false, false).plus();
    root.add(data.schemaName(), data.schema());
    values.putAll(stashed);
    values.put(Variable.CANCEL_FLAG.camelName, cancel);
    values.put(Variable.TIME_ZONE.camelName, TimeZone.getTimeZone("UTC"));
    values.put(Variable.CURRENT_TIMESTAMP.camelName, FIXED_NOW);
    values.put(Variable.LOCAL_TIMESTAMP.camelName, FIXED_NOW);
    values.put(Variable.UTC_TIMESTAMP.camelName, FIXED_NOW);
    if (counters != null) {
      values.put(RowCounters.VARIABLE, counters);
    }
  }

  @Override
  public SchemaPlus getRootSchema() {
    return root;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    throw new UnsupportedOperationException("planlab executes compiled plans only");
  }

  @Override
  public @Nullable Object get(String name) {
    return values.get(name);
  }
}
