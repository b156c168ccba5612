package org.planlab.planner.workload;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.planlab.planner.stats.StatisticsSchema;

/**
 * A benchmark suite: a schema whose statistics depend on a scale factor, and
 * named queries over it. Implementations are found with
 * {@link java.util.ServiceLoader} (see {@link Workloads}), once per process,
 * and shared, so they must be immutable.
 */
public interface Workload {

  /** Short lower-case name used on the command line, e.g. {@code tpch}. */
  String name();

  /** One line for {@code planlab list}. */
  String description();

  /** The queries in suite order. */
  List<WorkloadQuery> queries();

  /** The schema, its tables carrying statistics at {@code scaleFactor}. */
  StatisticsSchema schema(double scaleFactor);

  /** The generator of the suite's data, for executing plans; empty if it has none. */
  default java.util.Optional<DataGenerator> data() {
    return java.util.Optional.empty();
  }

  /**
   * The query with the given id. Ids match case-insensitively and numeric
   * ones loosely: {@code q5}, {@code Q05} and {@code 5} name the same query.
   *
   * @throws UnknownQueryException if there is none
   */
  default WorkloadQuery query(String id) {
    String wanted = canonicalId(id);
    for (WorkloadQuery q : queries()) {
      if (canonicalId(q.id()).equals(wanted)) {
        return q;
      }
    }
    throw new UnknownQueryException("suite " + name() + " has no query '" + id + "' (it has "
        + queries().stream().map(WorkloadQuery::id).collect(Collectors.joining(", ")) + ")");
  }

  /**
   * {@code Q05}, {@code q5} and {@code 5} all become {@code q5}; a part
   * letter stays: {@code 14a} and {@code Q014A} become {@code q14a}.
   */
  static String canonicalId(String id) {
    String s = id.trim().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m = Ids.NUMBERED.matcher(s);
    if (m.matches()) {
      return "q" + Integer.parseInt(m.group(1)) + m.group(2);
    }
    return s;
  }

  /** Query-id syntax, compiled once: optional {@code q}, digits, optional part letter. */
  final class Ids {
    private Ids() {
    }

    static final java.util.regex.Pattern NUMBERED =
        java.util.regex.Pattern.compile("q?(\\d{1,9})([a-z]?)");
  }
}
