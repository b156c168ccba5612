package org.planlab.planner.exec;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.planlab.planner.stats.TableDefinition;

/**
 * A table's generated rows in memory, scanned by executed plans. A scan
 * checks the query's cancel flag ({@link DataContext.Variable#CANCEL_FLAG})
 * as it goes, so an execution past its time stops at its next rows.
 */
public final class DataTable extends AbstractTable implements ScannableTable {
  private final TableDefinition definition;
  private final List<Object[]> rows;

  DataTable(TableDefinition definition, List<Object[]> rows) {
    this.definition = definition;
    this.rows = List.copyOf(rows);
  }

  public TableDefinition definition() {
    return definition;
  }

  public List<Object[]> rows() {
    return rows;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return definition.rowType(typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new Enumerator<>() {
          private int i = -1;

          @Override
          public Object[] current() {
            return rows.get(i);
          }

          @Override
          public boolean moveNext() {
            if (cancel != null && (i & 1023) == 0 && cancel.get()) {
              throw new ExecutionCancelledException();
            }
            return ++i < rows.size();
          }

          @Override
          public void reset() {
            i = -1;
          }

          @Override
          public void close() {
          }
        };
      }
    };
  }
}
