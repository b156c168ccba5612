package org.planlab.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import org.planlab.planner.stats.Column;
import org.planlab.planner.stats.TableDefinition;
import org.planlab.planner.workload.DataGenerator;

/**
 * TPC-H data from {@code io.trino.tpch}'s generator (dbgen's rules), in one
 * part, and the reference answers it ships for SF 0.01
 * ({@code io/trino/tpch/queries/qN.result}).
 */
final class TpchData implements DataGenerator {
  /** The scale factor of the shipped answers. */
  static final double REFERENCE_SF = 0.01;

  /** io.trino.tpch builds dbgen's 300 MiB text pool for comments on first use, and keeps it. */
  @Override
  public long fixedBytes() {
    return 300L << 20;
  }

  @Override
  public long rowCount(String table, double scaleFactor) {
    return (long) Math.ceil(definition(table, scaleFactor).rowCount());
  }

  private static TableDefinition definition(String table, double sf) {
    return TpchSchema.tables(sf).stream().filter(d -> d.name().equals(table)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("TPC-H has no table " + table));
  }

  @Override
  public void generate(String table, double scaleFactor, Consumer<Object[]> rows) {
    TableDefinition def = definition(table, scaleFactor);
    TpchTable<?> t = TpchTable.getTable(table);
    generate(t, def, scaleFactor, rows);
  }

  private static <E extends TpchEntity> void generate(TpchTable<E> t, TableDefinition def,
      double sf, Consumer<Object[]> rows) {
    Map<String, TpchColumn<E>> byName = new HashMap<>();
    for (TpchColumn<E> c : t.getColumns()) {
      byName.put(c.getColumnName(), c);
    }
    List<TpchColumn<E>> columns = new ArrayList<>();
    for (Column c : def.columns()) {
      TpchColumn<E> tc = byName.get(c.name());
      if (tc == null) {
        throw new IllegalStateException("the generator has no column " + c.name() + " of "
            + def.name() + "; it has " + byName.keySet());
      }
      columns.add(tc);
    }
    for (E e : t.createGenerator(sf, 1, 1)) {
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        TpchColumn<E> c = columns.get(i);
        row[i] = switch (c.getType().getBase()) {
          case IDENTIFIER -> c.getIdentifier(e);
          case INTEGER -> c.getInteger(e);
          case DOUBLE -> c.getDouble(e);
          case DATE -> c.getDate(e);
          case VARCHAR -> c.getString(e);
        };
      }
      rows.accept(row);
    }
  }

  @Override
  public Optional<ReferenceAnswer> referenceAnswer(String queryId, double scaleFactor) {
    if (scaleFactor != REFERENCE_SF) {
      return Optional.empty();
    }
    String file = "/io/trino/tpch/queries/" + queryId + ".result";
    try (InputStream in = TpchData.class.getResourceAsStream(file)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A result file: a header {@code -- delimiter: |; ignoreOrder: false; ...},
   * then one row per line, cells split by the delimiter, a trailing
   * delimiter allowed.
   */
  static ReferenceAnswer parse(String source, String text) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("--")) {
      throw new IllegalArgumentException(source + ": no header line");
    }
    String header = lines.get(0);
    boolean ordered = !header.replace(" ", "").contains("ignoreOrder:true");
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String l = line.endsWith("|") ? line.substring(0, line.length() - 1) : line;
      rows.add(Arrays.asList(l.split("\\|", -1)));
    }
    return new ReferenceAnswer(source, ordered, rows);
  }
}
