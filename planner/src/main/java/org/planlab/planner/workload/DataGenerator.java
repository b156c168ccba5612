package org.planlab.planner.workload;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Generates a workload's data at a scale factor, deterministically: the same
 * scale factor gives the same rows in the same order. Values are natural
 * Java values that {@link org.planlab.planner.exec.Values} converts to
 * each column's type: {@code Long} or {@code Integer} for integer columns,
 * {@code Double} (or {@code BigDecimal}) for DECIMAL, {@code Integer} days
 * since 1970-01-01 for DATE, {@code String} for text, null for NULL.
 */
public interface DataGenerator {

  /** Memory the generator itself holds once it has run, at any scale factor. */
  default long fixedBytes() {
    return 0;
  }

  /** Rows of {@code table} at {@code scaleFactor}, before generating them. */
  long rowCount(String table, double scaleFactor);

  /**
   * Calls {@code rows} with each row of {@code table} at {@code scaleFactor},
   * its values in the order of the workload's table definition.
   */
  void generate(String table, double scaleFactor, Consumer<Object[]> rows);

  /**
   * The reference answer of {@code queryId} at {@code scaleFactor}, where the
   * workload ships one (TPC-H's at SF 0.01): the text of its result file.
   */
  default Optional<ReferenceAnswer> referenceAnswer(String queryId, double scaleFactor) {
    return Optional.empty();
  }

  /**
   * A query's known answer.
   *
   * @param source where it comes from, for messages
   * @param ordered true if the rows must come in this order
   * @param rows the rows, each a list of cells as text ("null" for NULL)
   */
  record ReferenceAnswer(String source, boolean ordered, List<List<String>> rows) {
  }
}
